package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.manifest.DatasetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dataset of a same-base pair with no control set anywhere on the pair's path. Medium, or the
 * pair's severity when that is lower (a self-distillation pair is low): the gap matters as much as
 * the pair.
 */
@RuleInfo(
    id = NoControlSetRule.ID,
    defaultSeverity = Severity.MEDIUM,
    summary =
        "A dataset feeding a same-base pair has no control set, so distribution tests could not run",
    help =
        "Without a control set Heredity cannot test whether the dataset carries a hidden signal. Generate a"
            + " control set from the untraited model on the same prompts (ideally with a neutral system prompt"
            + " of similar length) and name it as the dataset's 'reference'.")
public final class NoControlSetRule implements ScanRule {
  public static final String ID = "no-control-set";

  @Override
  public List<Finding> check(ScanContext context) {
    Map<String, DatasetSpec> byId = context.datasets();
    Map<String, RiskPair> worstPair = new LinkedHashMap<>();
    for (RiskPair pair : context.analysis().pairs()) {
      boolean tested =
          pair.path().stream().map(byId::get).anyMatch(d -> d != null && d.reference() != null);
      if (!pair.sharedBase() || tested) {
        continue;
      }
      for (String id : pair.datasets()) {
        if (byId.containsKey(id)) {
          worstPair.merge(
              id, pair, (a, b) -> b.severity().ordinal() < a.severity().ordinal() ? b : a);
        }
      }
    }
    List<Finding> out = new ArrayList<>();
    worstPair.forEach(
        (id, pair) -> {
          Severity severity =
              pair.severity().atLeast(Severity.MEDIUM) ? Severity.MEDIUM : pair.severity();
          out.add(
              context
                  .finding(
                      NoControlSetRule.class,
                      severity,
                      id,
                      "No control set: distribution tests not run on " + id)
                  .explanation(
                      id
                          + " feeds the same-base pair "
                          + pair.teacher()
                          + " -> "
                          + pair.student()
                          + " but declares no 'reference', so Heredity cannot test whether it carries a hidden"
                          + " signal. Generate a control set from the untraited model on the same prompts"
                          + " (ideally with a neutral system prompt of similar length) and name it as"
                          + " 'reference'.")
                  .evidence(
                      List.of(
                          "pair: "
                              + pair.teacher()
                              + " -> "
                              + pair.student()
                              + " ("
                              + pair.severity().label()
                              + ")"))
                  .at(context.location(byId.get(id).location()))
                  .build());
        });
    return out;
  }
}
