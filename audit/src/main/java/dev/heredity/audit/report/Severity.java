package dev.heredity.audit.report;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The five report severities, most severe first. The report stores them as lowercase strings
 * ({@link #id()}); this enum orders and parses them.
 */
public enum Severity {
  CRITICAL, HIGH, MEDIUM, LOW, INFO;

  /** Lowercase ids in order, most severe first: critical, high, medium, low, info. */
  public static final List<String> IDS =
      Arrays.stream(values()).map(Severity::id).collect(Collectors.toUnmodifiableList());

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is as severe as {@code threshold} or more. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /** Parses a lowercase (or any case) id; unknown names fail with the list of valid ones. */
  public static Severity of(String id) {
    if (id != null) {
      for (Severity s : values()) {
        if (s.id().equalsIgnoreCase(id.trim())) {
          return s;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown severity '" + id + "' (valid: " + String.join(", ", IDS) + ")");
  }

  /** Rank for sorting: 0 for critical .. 4 for info, 5 for null/unknown. */
  public static int rank(String id) {
    if (id != null) {
      for (Severity s : values()) {
        if (s.id().equalsIgnoreCase(id)) {
          return s.ordinal();
        }
      }
    }
    return values().length;
  }

  /** The more severe of two ids; null counts as least severe. */
  public static String max(String a, String b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return rank(a) <= rank(b) ? a : b;
  }
}
