package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One two-sample test. {@code adjustedPValue} is the Benjamini-Yekutieli adjusted value for content tests
 * and equals {@code pValue} for tests outside the verdict (format). {@code effect} is the detector's
 * effect size (Jensen-Shannon divergence in bits for table tests, held-out AUC for the classifier).
 */
@JsonPropertyOrder({"id", "description", "statistic", "pValue", "adjustedPValue", "effect", "evidence"})
public record TestResult(String id, String description, double statistic, double pValue, double adjustedPValue,
        double effect, List<String> evidence) {

    public TestResult {
        evidence = List.copyOf(evidence);
    }

    public TestResult withAdjustedPValue(double value) {
        return new TestResult(id, description, statistic, pValue, value, effect, evidence);
    }
}
