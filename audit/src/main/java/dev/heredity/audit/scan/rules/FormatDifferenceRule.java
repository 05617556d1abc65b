package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.DatasetRun;
import dev.heredity.audit.scan.DetectionRows;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.detectors.FormatReport;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;

/** Formatting differs from the control set: reported apart, since it is not evidence of a trait. */
@RuleInfo(
    id = FormatDifferenceRule.ID,
    defaultSeverity = Severity.LOW,
    summary = "A dataset is formatted differently from its control set",
    help =
        "Separators, brackets, line breaks or conformance to the number filter differ between the dataset"
            + " and its control set. This is kept out of the content verdict, but a control set should match"
            + " the dataset's generation settings for the content tests to be a fair comparison.")
public final class FormatDifferenceRule implements ScanRule {
  public static final String ID = "format-difference";
  private static final int MAX_EVIDENCE = 3;

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> out = new ArrayList<>();
    for (DatasetRun run : context.runs()) {
      if (!run.ran()) {
        continue;
      }
      FormatReport format = run.report().format();
      if (format == null
          || format.test() == null
          || !DetectionRows.significant(format.test().pValue(), run.report().alpha())) {
        continue;
      }
      List<String> evidence = new ArrayList<>(DetectionRows.formatNotes(format));
      evidence.addAll(format.test().evidence().stream().limit(MAX_EVIDENCE).toList());
      String id = run.dataset().id();
      out.add(
          context
              .finding(
                  FormatDifferenceRule.class,
                  Severity.LOW,
                  id,
                  id
                      + " is formatted differently from its control set "
                      + run.dataset().reference())
              .explanation(
                  "Separators, brackets, line breaks or conformance to the number filter differ"
                      + " between the two sets. This is kept out of the content verdict: formatting can differ"
                      + " for reasons unrelated to a trait (a different system prompt, a post-processing step),"
                      + " but a control set should match the dataset's generation settings for the content"
                      + " tests to be a fair comparison.")
              .evidence(evidence)
              .at(context.location(run.dataset().locationOf("reference")))
              .key(run.dataset().reference())
              .build());
    }
    return out;
  }
}
