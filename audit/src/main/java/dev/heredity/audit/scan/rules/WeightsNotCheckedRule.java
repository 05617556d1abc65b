package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.audit.scan.WeightsCheck;
import dev.heredity.audit.scan.WeightsRelations;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A pair that points at local weights, but whose declared relation the weights could not check:
 * declared weights absent or unreadable, only one of the two models with local weights, or a
 * comparison that could not decide (GGUF, shapes that differ, unknown layer names). Low: the
 * lineage on record stands, unverified, and the report says so instead of passing it.
 */
@RuleInfo(
    id = WeightsNotCheckedRule.ID,
    defaultSeverity = Severity.LOW,
    summary = "Local weights are declared for a teacher/student pair but could not be checked",
    help =
        "The manifest points the pair's models at local weights (checkpoint.path, a file: checkpoint URI or a"
            + " weights/<model id>/ folder), but the shared-initialisation test could not run or could not decide:"
            + " a path is absent or unreadable, only one model has local weights, or the checkpoints cannot be"
            + " compared (GGUF, different shapes, unknown layer names). Fix the paths, or add the missing weights,"
            + " so the declared relation is tested.")
public final class WeightsNotCheckedRule implements ScanRule {
  public static final String ID = "weights-not-checked";

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> findings = new ArrayList<>();
    for (WeightsCheck.PairCheck c : context.weights().checks()) {
      if (!c.couldNotCheck()) {
        continue;
      }
      RiskPair pair = c.pair();
      List<String> evidence = new ArrayList<>();
      evidence.add("declared: " + WeightsRelations.declared(pair));
      evidence.add("why: " + WeightsRelations.detail(c, context.paths()));
      if (c.teacherWeights() != null) {
        evidence.add("teacher weights: " + context.paths().show(c.teacherWeights()));
      }
      if (c.studentWeights() != null) {
        evidence.add("student weights: " + context.paths().show(c.studentWeights()));
      }
      findings.add(
          context
              .finding(
                  WeightsNotCheckedRule.class,
                  Severity.LOW,
                  pair.teacher() + " -> " + pair.student(),
                  "weights of "
                      + pair.teacher()
                      + " and "
                      + pair.student()
                      + " could not be checked against the declared relation")
              .explanation(
                  "The pair points at local weights, but Heredity could not test them for a shared"
                      + " initialisation, so the declared relation stands unverified.")
              .evidence(evidence)
              .at(
                  context.location(
                      c.notChecked() != null && c.notChecked().location() != null
                          ? c.notChecked().location()
                          : pair.location()))
              .key(pair.training())
              .build());
    }
    return findings;
  }
}
