package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.RiskPair;
import java.util.ArrayList;
import java.util.List;

/**
 * The finding of one teacher/student pair: subject, evidence and id key are the same for both pair
 * rules.
 */
final class PairEvidence {
  private PairEvidence() {}

  static Finding finding(
      ScanContext context,
      Class<? extends ScanRule> rule,
      RiskPair pair,
      String title,
      String explanation) {
    List<String> evidence = new ArrayList<>();
    evidence.add("path: " + String.join(" -> ", pair.path()));
    evidence.add("datasets: " + String.join(", ", pair.datasets()));
    if (pair.sharedBase()) {
      evidence.add("shared base: " + String.join(", ", pair.sharedRoots()));
    }
    context
        .traits(pair.teacher())
        .forEach(t -> evidence.add("teacher trait: " + RuleText.describe(t)));
    return context
        .finding(rule, pair.severity(), pair.teacher() + " -> " + pair.student(), title)
        .explanation(explanation)
        .evidence(evidence)
        .at(context.location(pair.location()))
        .key(pair.training())
        .build();
  }
}
