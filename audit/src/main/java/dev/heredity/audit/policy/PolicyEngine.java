package dev.heredity.audit.policy;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Finding.Status;
import dev.heredity.audit.report.OverrideRow;
import dev.heredity.audit.report.SuppressionRow;
import dev.heredity.lineage.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies a policy to raw findings: severity overrides first (the finding keeps the severity it had
 * in {@code overriddenFrom}), then the status of each finding.
 *
 * <ol>
 *   <li>matched by a live (unexpired) suppression: SUPPRESSED, whatever its severity;
 *   <li>below {@code failOn} (or no {@code failOn}): PASSING;
 *   <li>its id is in the baseline report: BASELINE;
 *   <li>otherwise FAILING.
 * </ol>
 *
 * Expired suppressions silence nothing; the {@code expired-suppression} rule reports them.
 */
public final class PolicyEngine {
  private final Policy policy;
  private final Baseline baseline;
  private final LocalDate today;

  public PolicyEngine(Policy policy, Baseline baseline, LocalDate today) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.baseline = Objects.requireNonNull(baseline, "baseline");
    this.today = Objects.requireNonNull(today, "today");
  }

  /** Findings with policy applied, one row per suppression and one per override. */
  public record Outcome(
      List<Finding> findings,
      List<SuppressionRow> suppressions,
      List<OverrideRow> overrides,
      List<String> warnings) {}

  /**
   * @param raw findings as the audit produced them (status is ignored and recomputed)
   */
  public Outcome apply(List<Finding> raw) {
    int[] matched = new int[policy.suppressions().size()];
    List<Finding> decided = new ArrayList<>(raw.size());
    for (Finding f : raw) {
      decided.add(decide(overridden(f), matched));
    }
    List<SuppressionRow> rows = new ArrayList<>();
    for (int i = 0; i < policy.suppressions().size(); i++) {
      Suppression s = policy.suppressions().get(i);
      rows.add(
          new SuppressionRow(
              s.match(),
              s.reason(),
              s.expires() == null ? null : s.expires().toString(),
              s.expiredOn(today),
              matched[i]));
    }
    List<OverrideRow> overrides = new ArrayList<>();
    for (Map.Entry<String, Severity> e : policy.overrides().entrySet()) {
      int applied = (int) raw.stream().filter(f -> f.rule().equals(e.getKey())).count();
      overrides.add(new OverrideRow(e.getKey(), e.getValue(), applied));
    }
    List<String> warnings = new ArrayList<>(policy.warnings());
    for (int i = 0; i < policy.suppressions().size(); i++) {
      Suppression s = policy.suppressions().get(i);
      if (matched[i] == 0 && !s.expiredOn(today)) {
        warnings.add(
            (s.location() == null ? String.valueOf(policy.source()) : s.location().display())
                + ": the suppression of "
                + s.match()
                + " matches no finding");
      }
    }
    return new Outcome(decided, rows, overrides, warnings);
  }

  private Finding overridden(Finding f) {
    Severity override = policy.overrides().get(f.rule());
    if (override == null || override == f.severity()) {
      return f;
    }
    return f.decided(override, f.status(), null, f.severity());
  }

  private Finding decide(Finding f, int[] matched) {
    for (int i = 0; i < policy.suppressions().size(); i++) {
      Suppression s = policy.suppressions().get(i);
      if (!s.expiredOn(today) && s.matches(f)) {
        matched[i]++;
        return f.decided(f.severity(), Status.SUPPRESSED, s.reason(), f.overriddenFrom());
      }
    }
    if (policy.failOn() == null || !f.severity().atLeast(policy.failOn())) {
      return f.decided(f.severity(), Status.PASSING, null, f.overriddenFrom());
    }
    if (baseline.contains(f.id())) {
      return f.decided(f.severity(), Status.BASELINE, null, f.overriddenFrom());
    }
    return f.decided(f.severity(), Status.FAILING, null, f.overriddenFrom());
  }
}
