package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Confidence;
import dev.heredity.discovery.Evidence;
import dev.heredity.discovery.Warnings;
import dev.heredity.lineage.manifest.Relation;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A mergekit recipe ({@code mergekit_config.yml}): {@code merge_method}, {@code base_model}, {@code
 * models[].model} and {@code slices[].sources[].model}; every parent is a {@code merge} base.
 */
public final class MergekitRecipeReader {
  private MergekitRecipeReader() {}

  public static void read(SourceText recipe, ModelFacts facts, Warnings warnings) {
    var node = recipe.yaml(warnings);
    if (node.isEmpty()) {
      return;
    }
    JsonNode root = node.get();
    var file = recipe.file();
    if (!root.isObject()) {
      warnings.add(
          "wrong-type",
          file,
          "line 1",
          "mergekit recipe must be a mapping, found " + Values.kind(root));
      return;
    }
    String method =
        Values.string(
            root.get("merge_method"),
            file,
            "line " + recipe.lineOfKey("merge_method"),
            "merge_method",
            warnings);
    if (method != null) {
      facts.attributes.put("merge_method", method);
    }
    Set<String> parents = new LinkedHashSet<>();
    String base = modelName(root.get("base_model"));
    if (base != null) {
      parents.add(base);
    }
    JsonNode models = root.get("models");
    if (models != null && models.isArray()) {
      models.forEach(m -> add(parents, modelName(m.get("model"))));
    }
    JsonNode slices = root.get("slices");
    if (slices != null && slices.isArray()) {
      for (JsonNode slice : slices) {
        JsonNode sources = slice.get("sources");
        if (sources != null && sources.isArray()) {
          sources.forEach(s -> add(parents, modelName(s.get("model"))));
        }
      }
    }
    if (parents.isEmpty()) {
      warnings.add("merge-without-parents", file, "line 1", "mergekit recipe names no model");
      return;
    }
    facts.evidence.add(Evidence.line(file, 1, Confidence.DECLARED));
    int from = recipe.firstLine();
    for (String parent : parents) {
      int line = recipe.lineOfValue(parent, from);
      facts.claims.add(
          new BaseClaim(
              parent,
              Relation.MERGE,
              Evidence.line(file, line, Confidence.DECLARED),
              ClaimSource.MERGEKIT_RECIPE));
    }
  }

  private static void add(Set<String> parents, String name) {
    if (name != null) {
      parents.add(name);
    }
  }

  /** A model is a string, or (newer recipes) a mapping with {@code model} or {@code path}. */
  private static String modelName(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.asText().strip();
      int plus = text.indexOf('+');
      // "base+lora" applies a LoRA to a base at merge time; the parent is the base.
      return text.isEmpty() ? null : plus > 0 ? text.substring(0, plus) : text;
    }
    if (node.isObject()) {
      JsonNode inner = node.has("model") ? node.get("model") : node.get("path");
      return modelName(inner);
    }
    return null;
  }
}
