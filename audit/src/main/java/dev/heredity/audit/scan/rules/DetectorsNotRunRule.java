package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.DatasetRun;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * A control set is declared but the distribution tests could not run (control set undeclared, no
 * local path, file absent or not a readable file). Low, or the severity of the worst same-base pair
 * the dataset feeds: a test that could not run never lowers what the lineage already says about the
 * pair.
 */
@RuleInfo(
    id = DetectorsNotRunRule.ID,
    defaultSeverity = Severity.LOW,
    summary = "A control set is declared but the distribution tests could not run",
    help =
        "The dataset or its control set cannot be read (not declared, no local path, absent, a folder or a"
            + " FIFO, unreadable), so nothing was tested. Put both files in place, or fix their paths, to"
            + " compare the dataset with its control set.")
public final class DetectorsNotRunRule implements ScanRule {
  public static final String ID = "detectors-not-run";

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> out = new ArrayList<>();
    for (DatasetRun run : context.runs()) {
      if (run.ran()) {
        continue;
      }
      String id = run.dataset().id();
      List<String> evidence = new ArrayList<>();
      evidence.add("reference: " + run.dataset().reference());
      Severity severity = Severity.LOW;
      for (RiskPair pair : context.pairsCarrying(id)) {
        if (pair.sharedBase()) {
          evidence.add(
              "feeds same-base pair "
                  + pair.teacher()
                  + " -> "
                  + pair.student()
                  + " ("
                  + pair.severity().label()
                  + "), untested");
          severity = pair.severity().atLeast(severity) ? pair.severity() : severity;
        }
      }
      out.add(
          context
              .finding(
                  DetectorsNotRunRule.class,
                  severity,
                  id,
                  "Control set declared for " + id + " but distribution tests could not run")
              .explanation(
                  run.notRun()
                      + ". The test could not run, so nothing is known about a hidden"
                      + " signal in "
                      + id
                      + ". Put both files in place (or fix their paths) to compare the"
                      + " dataset with its control set.")
              .evidence(evidence)
              .at(context.location(run.dataset().locationOf("reference")))
              .key(run.dataset().reference())
              .build());
    }
    return out;
  }
}
