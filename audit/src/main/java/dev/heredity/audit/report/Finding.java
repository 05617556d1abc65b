package dev.heredity.audit.report;

import java.util.List;
import java.util.Objects;

/**
 * One finding. {@code id} is stable and derived from content (rule + subject ...), never from order;
 * {@code compliance} lists {@link ComplianceClause#id()} values; {@code suppressionReason} is set only
 * when status is SUPPRESSED.
 */
public record Finding(
    String id,
    String rule,
    String severity,
    String subject,
    String title,
    String explanation,
    List<String> evidence,
    Location location,
    List<String> compliance,
    Status status,
    String suppressionReason) {

  /** What the policy made of a finding. */
  public enum Status {
    /** At or above failOn, not suppressed, not in the baseline: fails the CI gate. */
    FAILING,
    /** Below failOn: reported, does not fail. */
    PASSING,
    /** Matched a live suppression. */
    SUPPRESSED,
    /** Already present in the baseline report. */
    BASELINE
  }

  public Finding {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    evidence = Lists.copy(evidence);
    compliance = Lists.copy(compliance);
  }
}
