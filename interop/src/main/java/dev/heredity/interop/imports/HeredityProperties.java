package dev.heredity.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.lineage.SourceLocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code heredity:*} properties of one CycloneDX component, checked before they are read: a
 * name Heredity does not know (a typo such as {@code heredity:chekpoint.path}) would otherwise drop
 * its fact without a word, and a value that is not a non-empty string (CycloneDX property values
 * are strings) would be read as its text. Properties of other tools are left alone.
 */
final class HeredityProperties {
  static final String PREFIX = "heredity:";

  /** One property to read: its name without the prefix and its value. */
  record Entry(String name, JsonNode value) {
    String text() {
      return value.asText();
    }
  }

  private HeredityProperties() {}

  /**
   * The component's Heredity properties in document order, each a known name with a non-empty
   * string value; {@code read} are the names the importer uses, {@code informational} those the
   * exporter writes for people (pairs, findings) and the importer ignores.
   */
  static List<Entry> of(
      JsonNode component,
      String kind,
      String id,
      Set<String> read,
      Set<String> informational,
      SourceLocation at) {
    List<Entry> out = new ArrayList<>();
    for (JsonNode p : component.path("properties")) {
      String name = p.path("name").asText("");
      if (!name.startsWith(PREFIX)) {
        continue;
      }
      String key = name.substring(PREFIX.length());
      if (!read.contains(key) && !informational.contains(key)) {
        Set<String> known = new TreeSet<>(read);
        known.addAll(informational);
        throw ManifestDraft.conflict(
            at,
            "unknown property '"
                + name
                + "' on "
                + kind
                + " '"
                + id
                + "' (known: "
                + PREFIX
                + String.join(", " + PREFIX, known)
                + ")");
      }
      JsonNode value = p.get("value");
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        throw ManifestDraft.conflict(
            at,
            "'"
                + name
                + "' of "
                + kind
                + " '"
                + id
                + "' must be a non-empty string, got "
                + (value == null ? "nothing" : value.toString()));
      }
      if (read.contains(key)) {
        out.add(new Entry(key, value));
      }
    }
    return out;
  }
}
