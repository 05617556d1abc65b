package dev.heredity.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.lineage.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One object of a Heredity facet (or an entry of one of its lists), read strictly: Heredity owns
 * these facets, so a field it does not know is a typo or a newer version and an error, never a fact
 * dropped without a word; and a value of the wrong JSON type is an error, never read as its text
 * ({@code 12} as a path, an object as an empty id).
 */
final class FacetReader {
  // Fields every OpenLineage facet may carry.
  private static final Set<String> FACET_FIELDS = Set.of("_producer", "_schemaURL", "_deleted");

  private final JsonNode node;
  private final String where;
  private final SourceLocation at;

  private FacetReader(JsonNode node, String where, SourceLocation at) {
    this.node = node;
    this.where = where;
    this.at = at;
  }

  /**
   * The facet {@code name}, or null when the event does not carry it; an error when it is not an
   * object or has a field outside {@code known}.
   */
  static FacetReader facet(JsonNode facets, String name, SourceLocation at, String... known) {
    JsonNode node = facets.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    return checked(node, name, at, known);
  }

  private static FacetReader checked(
      JsonNode node, String where, SourceLocation at, String... known) {
    if (!node.isObject()) {
      throw ManifestDraft.conflict(at, "'" + where + "' must be an object, got " + node);
    }
    Set<String> allowed = Set.of(known);
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = field.getKey();
      if (!allowed.contains(key) && !FACET_FIELDS.contains(key)) {
        throw ManifestDraft.conflict(
            at,
            "unknown field '"
                + key
                + "' in '"
                + where
                + "' (known: "
                + String.join(", ", new TreeSet<>(allowed))
                + ")");
      }
    }
    return new FacetReader(node, where, at);
  }

  /** A string field: null when absent or JSON null, else a non-empty string. */
  String text(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank()) {
      throw wrongType(key, "a non-empty string", value);
    }
    return value.asText();
  }

  /** A string field that must be there. */
  String requiredText(String key) {
    String text = text(key);
    if (text == null) {
      throw ManifestDraft.conflict(at, "'" + where + "." + key + "' is missing");
    }
    return text;
  }

  boolean bool(String key, boolean absent) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return absent;
    }
    if (!value.isBoolean()) {
      throw wrongType(key, "true or false", value);
    }
    return value.asBoolean();
  }

  /** The value of a field as written, JSON null included, or null when the field is absent. */
  JsonNode field(String key) {
    return node.get(key);
  }

  /** The raw value of a field whose content the caller checks itself, or null. */
  JsonNode raw(String key) {
    JsonNode value = node.get(key);
    return value == null || value.isNull() ? null : value;
  }

  /** A nested object (null when absent), with its own known fields. */
  FacetReader object(String key, String... known) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    return checked(value, where + "." + key, at, known);
  }

  /** A list of objects (empty when absent), each with its own known fields. */
  List<FacetReader> objects(String key, String... known) {
    List<FacetReader> out = new ArrayList<>();
    for (JsonNode entry : array(key)) {
      out.add(checked(entry, where + "." + key + "[]", at, known));
    }
    return out;
  }

  /** A list of non-empty strings (empty when absent). */
  List<String> texts(String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode entry : array(key)) {
      if (!entry.isTextual() || entry.asText().isBlank()) {
        throw wrongType(key + "[]", "a non-empty string", entry);
      }
      out.add(entry.asText());
    }
    return out;
  }

  private JsonNode array(String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    }
    if (!value.isArray()) {
      throw wrongType(key, "an array", value);
    }
    return value;
  }

  private RuntimeException wrongType(String key, String expected, JsonNode value) {
    return ManifestDraft.conflict(
        at, "'" + where + "." + key + "' must be " + expected + ", got " + value);
  }
}
