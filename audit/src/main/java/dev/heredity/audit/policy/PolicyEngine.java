package dev.heredity.audit.policy;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Finding.Status;
import dev.heredity.audit.report.Severity;
import dev.heredity.audit.report.SuppressionRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Applies a policy to raw findings: severity overrides first, then the status of each finding.
 * <ol>
 *   <li>matched by a live (unexpired) suppression: SUPPRESSED, whatever its severity;</li>
 *   <li>below {@code failOn}: PASSING;</li>
 *   <li>its id is in the baseline report: BASELINE;</li>
 *   <li>otherwise FAILING.</li>
 * </ol>
 * An expired suppression silences nothing and becomes a finding of its own ({@link #EXPIRED_RULE}).
 */
public final class PolicyEngine {
    public static final String EXPIRED_RULE = "expired-suppression";
    public static final Severity EXPIRED_SEVERITY = Severity.LOW;

    private final Policy policy;
    private final Baseline baseline;
    private final LocalDate today;

    public PolicyEngine(Policy policy, Baseline baseline, LocalDate today) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.today = Objects.requireNonNull(today, "today");
    }

    /** Findings with policy applied, and one row per suppression. */
    public record Outcome(List<Finding> findings, List<SuppressionRow> suppressions) {
    }

    /**
     * @param raw            findings as the audit produced them (status is ignored and recomputed)
     * @param expiredFinding builds the finding reported for an expired suppression (the caller knows
     *                       how to give it an id, title and compliance references)
     */
    public Outcome apply(List<Finding> raw, Function<Suppression, Finding> expiredFinding) {
        List<Finding> findings = new ArrayList<>();
        for (Suppression s : policy.suppressions()) {
            if (s.expiredOn(today)) {
                findings.add(expiredFinding.apply(s));
            }
        }
        findings.addAll(raw);
        int[] matched = new int[policy.suppressions().size()];
        List<Finding> decided = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            decided.add(decide(overridden(f), matched));
        }
        List<SuppressionRow> rows = new ArrayList<>();
        for (int i = 0; i < policy.suppressions().size(); i++) {
            Suppression s = policy.suppressions().get(i);
            rows.add(new SuppressionRow(s.match(), s.reason(), s.expires() == null ? null : s.expires().toString(),
                    s.expiredOn(today), matched[i]));
        }
        return new Outcome(decided, rows);
    }

    private Finding overridden(Finding f) {
        Severity override = policy.overrides().get(f.rule());
        return override == null ? f : with(f, override.id(), f.status(), null);
    }

    private Finding decide(Finding f, int[] matched) {
        for (int i = 0; i < policy.suppressions().size(); i++) {
            Suppression s = policy.suppressions().get(i);
            if (!s.expiredOn(today) && s.matches(f)) {
                matched[i]++;
                return with(f, f.severity(), Status.SUPPRESSED, s.reason());
            }
        }
        if (!Severity.of(f.severity()).atLeast(policy.failOn())) {
            return with(f, f.severity(), Status.PASSING, null);
        }
        if (baseline.contains(f.id())) {
            return with(f, f.severity(), Status.BASELINE, null);
        }
        return with(f, f.severity(), Status.FAILING, null);
    }

    private static Finding with(Finding f, String severity, Status status, String reason) {
        return new Finding(f.id(), f.rule(), severity, f.subject(), f.title(), f.explanation(), f.evidence(),
                f.location(), f.compliance(), status, reason);
    }
}
