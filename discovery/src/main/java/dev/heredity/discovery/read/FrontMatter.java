package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Warnings;
import java.util.Optional;

/**
 * The YAML block between the leading {@code ---} lines of a Hugging Face card ({@code README.md}).
 */
public final class FrontMatter {
  private FrontMatter() {}

  /**
   * The front matter as text (with its file line offset) and parsed; empty when the card has none.
   */
  public record Block(SourceText text, JsonNode node) {}

  public static Optional<Block> of(SourceText card, Warnings warnings) {
    var lines = card.lines();
    if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
      return Optional.empty();
    }
    int end = -1;
    for (int i = 1; i < lines.size(); i++) {
      String l = lines.get(i).strip();
      if (l.equals("---") || l.equals("...")) {
        end = i;
        break;
      }
    }
    if (end < 0) {
      warnings.add(
          "front-matter-unclosed",
          card.file(),
          "line 1",
          "front matter opened with '---' never closes ("
              + lines.size()
              + " lines read); card ignored");
      return Optional.empty();
    }
    String yaml = String.join("\n", lines.subList(1, end));
    SourceText block = SourceText.of(card.file(), yaml, 2);
    if (yaml.isBlank()) {
      return Optional.empty();
    }
    Optional<JsonNode> node = block.yaml(warnings);
    if (node.isEmpty()) {
      return Optional.empty();
    }
    if (!node.get().isObject()) {
      warnings.add(
          "front-matter-not-mapping",
          card.file(),
          "line 2",
          "front matter is not a mapping of keys");
      return Optional.empty();
    }
    return Optional.of(new Block(block, node.get()));
  }
}
