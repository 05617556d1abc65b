package dev.heredity.audit.scan.rules;

import dev.heredity.audit.policy.Suppression;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;

/** A policy suppression past its expiry date: it silences nothing and is reported itself. */
@RuleInfo(
    id = ExpiredSuppressionRule.ID,
    defaultSeverity = Severity.LOW,
    summary = "A policy suppression has expired",
    help =
        "The suppression no longer applies, so the findings it matched are reported (and can fail the"
            + " gate) again. Fix the findings, or renew the suppression with a new expiry date and reason.")
public final class ExpiredSuppressionRule implements ScanRule {
  public static final String ID = "expired-suppression";

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> out = new ArrayList<>();
    for (Suppression s : context.policy().suppressions()) {
      if (s.expiredOn(context.today())) {
        out.add(
            context
                .finding(
                    ExpiredSuppressionRule.class,
                    Severity.LOW,
                    s.match(),
                    "Suppression of " + s.match() + " expired on " + s.expires())
                .explanation(
                    "This suppression no longer applies, so the findings it matched are reported"
                        + " (and can fail the gate) again. Fix the findings, or renew the suppression with"
                        + " a new expiry date and reason.")
                .evidence(List.of("reason given: " + s.reason(), "expired: " + s.expires()))
                .at(s.location())
                .key(String.valueOf(s.expires()))
                .build());
      }
    }
    return out;
  }
}
