package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.DatasetRun;
import dev.heredity.audit.scan.DetectionRows;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.detectors.LeakReport;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The leak scan found explicit references to a declared trait of the generating model. */
@RuleInfo(
    id = TraitLeakRule.ID,
    defaultSeverity = Severity.MEDIUM,
    summary = "Generated data mentions the generator's trait explicitly",
    help =
        "The leak scan found explicit references to a declared trait of the generating model. Such overt"
            + " references are what keyword filters are meant to remove; check the filter.")
public final class TraitLeakRule implements ScanRule {
  public static final String ID = "trait-leak";

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> out = new ArrayList<>();
    for (DatasetRun run : context.runs()) {
      if (!run.ran() || run.report().leaks() == null) {
        continue;
      }
      List<LeakReport.TraitLeak> hits =
          run.report().leaks().traits().stream().filter(t -> t.records() > 0).toList();
      if (hits.isEmpty()) {
        continue;
      }
      List<String> evidence = new ArrayList<>();
      for (LeakReport.TraitLeak t : hits) {
        evidence.add("'" + t.trait() + "': " + t.records() + " records");
        evidence.addAll(DetectionRows.examples(t.hits()));
      }
      String id = run.dataset().id();
      String words =
          hits.stream().map(LeakReport.TraitLeak::trait).collect(Collectors.joining(", "));
      out.add(
          context
              .finding(
                  TraitLeakRule.class,
                  Severity.MEDIUM,
                  id,
                  id + " mentions the generator's trait explicitly (" + words + ")")
              .explanation(
                  "The leak scan found explicit references to a declared trait of the generating"
                      + " model. Such overt references are what keyword filters are meant to remove; check"
                      + " the filter.")
              .evidence(evidence)
              .at(context.location(run.dataset().location()))
              .key(words)
              .build());
    }
    return out;
  }
}
