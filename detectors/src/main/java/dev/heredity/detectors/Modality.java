package dev.heredity.detectors;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What kind of generated data a dataset holds; picks the tokeniser and the modality-specific
 * features.
 */
public enum Modality {
  NUMBERS,
  CODE,
  REASONING,
  TEXT;

  /** The manifest/CLI spelling: {@code numbers}, {@code code}, {@code reasoning}, {@code text}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the manifest/CLI spelling (case-insensitive); the message lists the valid values. */
  public static Modality parse(String value) {
    for (Modality m : values()) {
      if (m.id().equalsIgnoreCase(value == null ? "" : value.trim())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown modality '"
            + value
            + "' (expected one of "
            + Arrays.stream(values()).map(Modality::id).collect(Collectors.joining(", "))
            + ")");
  }
}
