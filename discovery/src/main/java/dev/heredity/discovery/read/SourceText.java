package dev.heredity.discovery.read;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.heredity.discovery.Warnings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A small text artifact (card, config, recipe, pipeline log) read whole after checking its size,
 * with its lines kept so facts can name the line they came from.
 *
 * @param firstLine the file line number of {@code text}'s first line (front matter starts at line
 *     2)
 */
public record SourceText(Path file, String text, List<String> lines, int firstLine) {
  static final ObjectMapper JSON = new ObjectMapper();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** Reads {@code file} when it is at most {@code maxBytes}; otherwise records a warning. */
  public static Optional<SourceText> read(Path file, long maxBytes, Warnings warnings) {
    try {
      long size = Files.size(file);
      if (size > maxBytes) {
        warnings.add(
            "file-too-large",
            file,
            "",
            "not read: " + size + " bytes, the limit for this kind of file is " + maxBytes);
        return Optional.empty();
      }
      String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
      return Optional.of(of(file, text, 1));
    } catch (IOException e) {
      warnings.add("unreadable-file", file, "", "cannot read: " + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  static SourceText of(Path file, String text, int firstLine) {
    return new SourceText(file, text, text.lines().toList(), firstLine);
  }

  /** Parses the text as YAML (JSON is YAML too); a syntax error becomes one located warning. */
  public Optional<JsonNode> yaml(Warnings warnings) {
    return parse(YAML, warnings);
  }

  public Optional<JsonNode> json(Warnings warnings) {
    return parse(JSON, warnings);
  }

  private Optional<JsonNode> parse(ObjectMapper mapper, Warnings warnings) {
    try {
      JsonNode node = mapper.readTree(text);
      return Optional.ofNullable(node);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      int line = at == null ? firstLine : firstLine - 1 + Math.max(1, at.getLineNr());
      String message =
          e.getOriginalMessage() == null
              ? "malformed"
              : e.getOriginalMessage().lines().findFirst().orElse("malformed");
      warnings.add("syntax-error", file, "line " + line, "cannot parse: " + message);
      return Optional.empty();
    } catch (RuntimeException e) {
      warnings.add(
          "syntax-error",
          file,
          "line " + firstLine,
          "cannot parse: " + e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /**
   * The file line of the first line that starts a mapping key {@code key} (any indentation), or the
   * first line.
   */
  public int lineOfKey(String key) {
    for (int i = 0; i < lines.size(); i++) {
      if (startsKey(lines.get(i), key)) {
        return firstLine + i;
      }
    }
    return firstLine;
  }

  /**
   * {@code key:}, {@code - key:}, {@code "key":}, with any indentation and spaces before the colon.
   */
  static boolean startsKey(String line, String key) {
    int i = 0;
    int n = line.length();
    while (i < n && line.charAt(i) == ' ') {
      i++;
    }
    if (i + 1 < n && line.charAt(i) == '-' && line.charAt(i + 1) == ' ') {
      i += 2;
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
    }
    char quote = i < n && (line.charAt(i) == '"' || line.charAt(i) == '\'') ? line.charAt(i) : 0;
    if (quote != 0) {
      i++;
    }
    if (!line.startsWith(key, i)) {
      return false;
    }
    i += key.length();
    if (quote != 0) {
      if (i >= n || line.charAt(i) != quote) {
        return false;
      }
      i++;
    }
    while (i < n && line.charAt(i) == ' ') {
      i++;
    }
    return i < n && line.charAt(i) == ':';
  }

  /**
   * The file line of the first line at or after {@code fromLine} that contains {@code value}, or
   * {@code fromLine}.
   */
  public int lineOfValue(String value, int fromLine) {
    for (int i = Math.max(0, fromLine - firstLine); i < lines.size(); i++) {
      if (lines.get(i).contains(value)) {
        return firstLine + i;
      }
    }
    return fromLine;
  }
}
