package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One two-sample test. {@code adjustedPValue} is the weighted Bonferroni adjusted value for content
 * tests and equals {@code pValue} for tests outside the verdict (format). {@code effect} is the
 * detector's effect size (Jensen-Shannon divergence in bits for table tests, out-of-fold AUC for
 * the classifier).
 */
@JsonPropertyOrder({
  "id",
  "description",
  "statistic",
  "pValue",
  "adjustedPValue",
  "effect",
  "evidence"
})
public record TestResult(
    String id,
    String description,
    double statistic,
    double pValue,
    double adjustedPValue,
    double effect,
    List<String> evidence) {

  public TestResult {
    evidence = List.copyOf(evidence);
  }

  public TestResult withEvidence(List<String> lines) {
    return new TestResult(id, description, statistic, pValue, adjustedPValue, effect, lines);
  }

  public TestResult withAdjustedPValue(double value) {
    return new TestResult(id, description, statistic, pValue, value, effect, evidence);
  }
}
