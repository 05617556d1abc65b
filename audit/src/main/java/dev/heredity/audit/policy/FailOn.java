package dev.heredity.audit.policy;

import dev.heredity.lineage.Severity;
import java.util.Locale;

/**
 * A {@code fail-on} setting: the severity at and above which findings fail the gate, or {@code
 * none} ({@code threshold} null) so that nothing fails and the scan only reports.
 */
public record FailOn(Severity threshold) {
  public static final String NONE = "none";

  /**
   * @throws IllegalArgumentException for anything but a severity or {@code none}, listing the valid
   *     values
   */
  public static FailOn parse(String value) {
    if (value != null && value.trim().toLowerCase(Locale.ROOT).equals(NONE)) {
      return new FailOn(null);
    }
    try {
      return new FailOn(Severity.parse(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown severity '" + value + "' (valid: " + Severity.labels() + ", " + NONE + ")", e);
    }
  }

  /** The setting as written: a severity label or {@code none}. */
  public String label() {
    return threshold == null ? NONE : threshold.label();
  }
}
