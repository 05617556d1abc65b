package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.Severity;
import java.util.List;

/** A teacher's generated data trains a student of another base; severity is the pair's. */
@RuleInfo(
    id = CrossBasePairRule.ID,
    defaultSeverity = Severity.LOW,
    summary = "A teacher's generated data trains a student of another base model",
    help =
        "No transfer of hidden traits across initialisations was observed in published work, so this pair"
            + " is recorded for provenance. Overt content (explicit mentions of a trait) can still transfer;"
            + " the leak scan checks for it when a control set is declared.")
public final class CrossBasePairRule implements ScanRule {
  public static final String ID = "cross-base-pair";

  @Override
  public List<Finding> check(ScanContext context) {
    return context.analysis().pairs().stream()
        .filter(pair -> !pair.sharedBase())
        .map(
            pair ->
                PairEvidence.finding(
                    context,
                    CrossBasePairRule.class,
                    pair,
                    pair.teacher()
                        + "'s generated data trains "
                        + pair.student()
                        + " (another base)",
                    RuleText.sentence(pair.reason())))
        .toList();
  }
}
