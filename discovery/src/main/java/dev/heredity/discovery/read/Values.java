package dev.heredity.discovery.read;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.discovery.Warnings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading typed values out of parsed YAML/JSON, with one warning for each value of the wrong type.
 */
final class Values {
  private Values() {}

  static String kind(JsonNode node) {
    if (node.isNumber()) {
      return "a number";
    }
    if (node.isBoolean()) {
      return "a boolean";
    }
    if (node.isObject()) {
      return "a mapping";
    }
    if (node.isArray()) {
      return "a list";
    }
    return "a " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }

  /** A string, or a list of strings; anything else is one warning. Null or missing: empty list. */
  static List<String> strings(JsonNode node, Path file, String at, String key, Warnings warnings) {
    List<String> out = new ArrayList<>();
    if (node == null || node.isNull() || node.isMissingNode()) {
      return out;
    }
    if (node.isTextual()) {
      if (!node.asText().isBlank()) {
        out.add(node.asText().strip());
      }
      return out;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        JsonNode item = node.get(i);
        if (item.isTextual() && !item.asText().isBlank()) {
          out.add(item.asText().strip());
        } else if (!item.isNull()) {
          warnings.add(
              "wrong-type",
              file,
              at,
              "'" + key + "[" + i + "]' must be a string, found " + kind(item));
        }
      }
      return out;
    }
    warnings.add(
        "wrong-type",
        file,
        at,
        "'" + key + "' must be a string or a list of strings, found " + kind(node));
    return out;
  }

  /** A string value, or null (with a warning when present but not a string). */
  static String string(JsonNode node, Path file, String at, String key, Warnings warnings) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (!node.isTextual()) {
      warnings.add("wrong-type", file, at, "'" + key + "' must be a string, found " + kind(node));
      return null;
    }
    return node.asText().isBlank() ? null : node.asText().strip();
  }
}
