package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What the suite could have detected at this size: the per-record out-of-fold AUC that the
 * classifier test detects with 80% power at the level the verdict gives it, from the spread of its
 * own permutation distribution ({@code 0.5 + (z(1 - level) + z(0.8)) * nullSd}). {@code
 * yardstickAuc} is the smallest per-record AUC measured on real trait-carrying data (see
 * docs/detect.md); when the minimum detectable AUC exceeds it, a negative result is {@code
 * inconclusive}. {@code recordsNeededPerSide} scales the current size by the squared ratio of the
 * two effects (the AUC's null spread falls as one over the square root of the records).
 */
@JsonPropertyOrder({
  "minimumDetectableAuc",
  "yardstickAuc",
  "power",
  "level",
  "nullSd",
  "recordsPerSide",
  "recordsNeededPerSide"
})
public record DetectablePower(
    double minimumDetectableAuc,
    double yardstickAuc,
    double power,
    double level,
    double nullSd,
    int recordsPerSide,
    int recordsNeededPerSide) {

  /**
   * True when an effect the size of the yardstick would have been detected with the stated power.
   */
  public boolean adequate() {
    return minimumDetectableAuc <= yardstickAuc;
  }
}
