package dev.heredity.lineage.graph;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The formats {@link GraphExporters} can write. */
public enum GraphFormat {
  DOT,
  GRAPHML,
  JSON,
  MERMAID;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static GraphFormat parse(String name) {
    for (GraphFormat format : values()) {
      if (format.label().equalsIgnoreCase(name)) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown graph format '"
            + name
            + "' (expected one of: "
            + Arrays.stream(values()).map(GraphFormat::label).collect(Collectors.joining(", "))
            + ")");
  }
}
