package dev.heredity.detectors.suite;

import dev.heredity.detectors.features.Corpus;

/**
 * A two-sample test between the suspect and reference records. Each implementation is a small final
 * class listed in {@link Detectors}; its result is a {@link dev.heredity.detectors.TestResult} with
 * the statistic, p-value, effect size and human-readable evidence.
 */
public interface Detector {
  /** Stable id used in reports, e.g. {@code "transitions"}. */
  String id();

  /** What the detector measures, one sentence. */
  String description();

  /** False when the data lack what the detector needs (e.g. prompts). */
  default boolean appliesTo(Corpus corpus) {
    return true;
  }
}
