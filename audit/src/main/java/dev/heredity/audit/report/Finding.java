package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.List;
import java.util.Objects;

/**
 * One finding. {@code id} is stable and derived from content (rule + subject ...), never from
 * order; {@code compliance} lists {@link ComplianceClause#id()} values; {@code suppressionReason}
 * is set only when status is SUPPRESSED; {@code overriddenFrom} is the rule's own severity when a
 * policy override changed it, null otherwise.
 */
public record Finding(
    String id,
    String rule,
    Severity severity,
    String subject,
    String title,
    String explanation,
    List<String> evidence,
    Location location,
    List<String> compliance,
    Status status,
    String suppressionReason,
    Severity overriddenFrom) {

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

  /** The same finding as the policy decided it. */
  public Finding decided(Severity newSeverity, Status newStatus, String reason, Severity before) {
    return new Finding(
        id,
        rule,
        newSeverity,
        subject,
        title,
        explanation,
        evidence,
        location,
        compliance,
        newStatus,
        reason,
        before);
  }
}
