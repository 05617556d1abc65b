package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;
import java.util.List;
import java.util.Locale;

/**
 * A dataset card's front matter: {@code annotations_creators} / {@code language_creators} ({@code
 * machine-generated} marks synthetic data), {@code source_datasets}, {@code tags} ({@code
 * synthetic}, {@code distilabel}) and {@code configs[].data_files}.
 */
public final class DatasetCardReader {
  /** Keys only dataset cards have; a card with one of them describes a dataset. */
  static final List<String> DATASET_KEYS =
      List.of(
          "annotations_creators",
          "language_creators",
          "source_datasets",
          "task_categories",
          "size_categories",
          "configs",
          "dataset_info",
          "pretty_name");

  private DatasetCardReader() {}

  public static boolean isDatasetCard(JsonNode frontMatter) {
    return DATASET_KEYS.stream().anyMatch(frontMatter::has) && !frontMatter.has("base_model");
  }

  public static void read(FrontMatter.Block card, DatasetFacts facts, Warnings warnings) {
    JsonNode root = card.node();
    SourceText text = card.text();
    var file = text.file();
    facts.evidence.add(Evidence.line(file, 1, Confidence.DECLARED));
    for (String key : List.of("annotations_creators", "language_creators")) {
      int line = text.lineOfKey(key);
      List<String> creators = Values.strings(root.get(key), file, "line " + line, key, warnings);
      if (facts.machineGenerated == null
          && creators.stream().anyMatch("machine-generated"::equalsIgnoreCase)) {
        facts.machineGenerated =
            Evidence.line(file, text.lineOfValue("machine-generated", line), Confidence.DECLARED);
      }
    }
    int tagsLine = text.lineOfKey("tags");
    facts.tags.addAll(
        Values.strings(root.get("tags"), file, "line " + tagsLine, "tags", warnings).stream()
            .map(t -> t.toLowerCase(Locale.ROOT))
            .toList());
    if (facts.machineGenerated == null
        && (facts.tags.contains("synthetic") || facts.tags.contains("distilabel"))) {
      facts.machineGenerated = Evidence.line(file, tagsLine, Confidence.INFERRED);
    }
    int sourcesLine = text.lineOfKey("source_datasets");
    for (String source :
        Values.strings(
            root.get("source_datasets"),
            file,
            "line " + sourcesLine,
            "source_datasets",
            warnings)) {
      // "original" means no source; "extended|squad" extends squad.
      String name = source.contains("|") ? source.substring(source.indexOf('|') + 1) : source;
      if (!name.equalsIgnoreCase("original") && !name.isBlank()) {
        facts.sources.add(
            new Ref(
                name,
                Evidence.line(file, text.lineOfValue(source, sourcesLine), Confidence.DECLARED)));
      }
    }
    JsonNode configs = root.get("configs");
    if (configs != null && configs.isArray()) {
      for (JsonNode config : configs) {
        collectDataFiles(config.get("data_files"), facts);
      }
    }
  }

  /**
   * {@code data_files} is a pattern, a list of patterns, or a list of {@code {split, path}}
   * mappings.
   */
  private static void collectDataFiles(JsonNode node, DatasetFacts facts) {
    if (node == null) {
      return;
    }
    if (node.isTextual()) {
      facts.dataFilePatterns.add(node.asText());
    } else if (node.isArray()) {
      node.forEach(item -> collectDataFiles(item, facts));
    } else if (node.isObject()) {
      collectDataFiles(node.get("path"), facts);
    }
  }
}
