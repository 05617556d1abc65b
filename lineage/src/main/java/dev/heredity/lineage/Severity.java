package dev.heredity.lineage;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How worrying a pair or finding is; declared most severe first, so natural order sorts worst
 * first.
 */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO;

  /** Parses a lower-case (any case accepted) name such as {@code high}. */
  public static Severity parse(String name) {
    for (Severity severity : values()) {
      if (severity.label().equalsIgnoreCase(name == null ? "" : name.trim())) {
        return severity;
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + name + "' (expected one of: " + labels() + ")");
  }

  /** The valid names, comma separated, most severe first. */
  public static String labels() {
    return Arrays.stream(values()).map(Severity::label).collect(Collectors.joining(", "));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this is as severe as {@code threshold} or more. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }
}
