package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.UsageException;
import dev.heredity.lineage.Severity;

/** Parses {@code --fail-on}: a severity, or {@code none} to never fail. */
final class FailThreshold {
  private FailThreshold() {}

  /** The threshold, or null for {@code none}. */
  static Severity parse(String value) {
    if ("none".equalsIgnoreCase(value)) {
      return null;
    }
    try {
      return Severity.parse(value);
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "invalid --fail-on '" + value + "' (expected one of: " + Severity.labels() + ", none)");
    }
  }
}
