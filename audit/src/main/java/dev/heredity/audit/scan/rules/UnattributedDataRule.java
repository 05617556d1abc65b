package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.risk.PairFinder;
import java.util.List;

/**
 * Synthetic data of unknown origin reaches a training: the lineage analysis' finding, severity
 * kept.
 */
@RuleInfo(
    id = UnattributedDataRule.ID,
    defaultSeverity = Severity.MEDIUM,
    summary = "Synthetic data with no declared generator reaches a training",
    help =
        "The audit cannot tell which teacher/student pairs such data creates. Declare the dataset's"
            + " generatedBy (and, for model-generated data, a control set as 'reference').")
public final class UnattributedDataRule implements ScanRule {
  public static final String ID = PairFinder.UNATTRIBUTED_RULE;

  @Override
  public List<Finding> check(ScanContext context) {
    return context.analysis().findings().stream()
        .filter(f -> f.rule().equals(ID))
        .map(f -> finding(context, f))
        .toList();
  }

  private static Finding finding(ScanContext context, LineageFinding f) {
    // The message names the training reached, so it keys the id: one finding per dataset and
    // training.
    return context
        .finding(
            UnattributedDataRule.class,
            f.severity(),
            f.subject(),
            "Unattributed synthetic data: " + f.subject())
        .explanation(
            RuleText.sentence(f.message())
                + " Declare the dataset's generatedBy (and, for"
                + " model-generated data, a control set as 'reference') so the audit can check the"
                + " teacher/student pairs it creates.")
        .at(context.location(f.location()))
        .key(f.message())
        .build();
  }
}
