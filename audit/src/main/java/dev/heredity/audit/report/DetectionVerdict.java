package dev.heredity.audit.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The detectors' verdict on one dataset against its control set. */
public enum DetectionVerdict {
  /** The smallest adjusted p-value of the content tests is below alpha. */
  SIGNAL("signal"),
  /**
   * No content test is significant at alpha, and the suite could have detected a published-size
   * effect.
   */
  NO_SIGNAL("no-signal"),
  /**
   * No content test is significant, but the sets were too small to detect an effect the size of the
   * published transfers (or no content test could run): not a pass.
   */
  INCONCLUSIVE("inconclusive"),
  /** The detection did not run (no reference set). */
  NOT_RUN("not-run");

  private final String label;

  DetectionVerdict(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  /**
   * The verdict for a detector's label.
   *
   * @throws IllegalArgumentException for a label this report model does not know (a new detector
   *     verdict needs a constant here, so it can never be shown as one of the others)
   */
  @JsonCreator
  public static DetectionVerdict of(String label) {
    for (DetectionVerdict v : values()) {
      if (v.label.equals(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException("unknown detection verdict '" + label + "'");
  }
}
