package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.audit.scan.WeightsCheck;
import dev.heredity.audit.weights.WeightsWording;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.risk.SeverityTable;
import dev.heredity.weights.LayerEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A declared relation that the models' weights contradict. An undeclared shared initialisation
 * (declared cross-base, or distilled from a new init, but the weights share an init) takes the
 * severity the pair would have as a same-base pair: it is the riskiest mistake a manifest can make.
 * A declared shared base that the weights do not show is medium: the lineage on record is wrong.
 */
@RuleInfo(
    id = WeightsContradictionRule.ID,
    defaultSeverity = Severity.MEDIUM,
    summary = "The models' weights contradict the declared relation between teacher and student",
    help =
        "Heredity tested the teacher's and the student's local weights for a shared initialisation (Zhu et al.,"
            + " ICML 2025: matched hidden units, Spearman rank test, Fisher over layers). Either the weights share an"
            + " init that the manifest does not declare, so hidden traits can transfer, or the declared shared base is"
            + " not in the weights. Correct the manifest's base and training entries, or the checkpoints it points at.")
public final class WeightsContradictionRule implements ScanRule {
  public static final String ID = "weights-contradict-lineage";

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> findings = new ArrayList<>();
    for (WeightsCheck.PairCheck c : context.weights().checks()) {
      if (!c.contradicts()) {
        continue;
      }
      RiskPair pair = c.pair();
      boolean undeclared = c.outcome() == WeightsCheck.Outcome.UNDECLARED_SHARED_INIT;
      Severity severity =
          undeclared
              ? SeverityTable.classify(
                      true, List.of("weights"), context.traits(pair.teacher()), false)
                  .severity()
              : Severity.MEDIUM;
      String title =
          undeclared
              ? "weights of "
                  + pair.teacher()
                  + " and "
                  + pair.student()
                  + " share an initialisation the manifest does not declare"
              : "declared shared base of "
                  + pair.teacher()
                  + " and "
                  + pair.student()
                  + " is not in their weights";
      String explanation =
          undeclared
              ? "The manifest gives the two models no common base, but their weights test shared-init: subliminal"
                  + " transfer through the teacher's data is possible, as for a same-base pair."
              : "The manifest says the two models share a base, but their weights test independent: the declared lineage"
                  + " is wrong, or the checkpoints are not the models it describes.";
      List<String> evidence = new ArrayList<>();
      evidence.add("teacher weights: " + context.paths().show(c.teacherWeights()));
      evidence.add("student weights: " + context.paths().show(c.studentWeights()));
      evidence.add("weights verdict: " + WeightsWording.summary(c.result()));
      evidence.add("method: " + WeightsWording.method(c.result().method()));
      for (LayerEvidence l : c.result().layers()) {
        evidence.add(
            String.format(
                Locale.ROOT,
                "layer %s: %d units, statistic %.4f, p %s",
                l.name(),
                l.units(),
                l.statistic(),
                WeightsWording.p(l.pValue())));
      }
      findings.add(
          context
              .finding(
                  WeightsContradictionRule.class,
                  severity,
                  pair.teacher() + " -> " + pair.student(),
                  title)
              .explanation(explanation)
              .evidence(evidence)
              .at(context.location(pair.location()))
              .key(pair.training())
              .build());
    }
    return findings;
  }
}
