package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifest warnings (a missing file, an unpinned revision...) as info findings, and any lineage
 * finding whose rule has no class of its own, with its severity kept: nothing the lineage analysis
 * says is dropped.
 */
@RuleInfo(
    id = LineageWarningRule.ID,
    defaultSeverity = Severity.INFO,
    summary = "The lineage analysis warns about the manifest",
    help =
        "A manifest warning (such as a declared file that is missing) weakens what the audit can check."
            + " Fix the manifest so the warning goes away.")
public final class LineageWarningRule implements ScanRule {
  public static final String ID = "lineage-warning";

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> out = new ArrayList<>();
    for (LineageFinding f : context.analysis().findings()) {
      if (!f.rule().equals(UnattributedDataRule.ID)) {
        out.add(
            context
                .finding(
                    LineageWarningRule.class,
                    f.severity(),
                    f.subject(),
                    RuleText.sentence(f.rule().replace('-', ' ')).replace(".", "")
                        + ": "
                        + f.subject())
                .explanation(RuleText.sentence(f.message()) + " (lineage rule '" + f.rule() + "')")
                .at(context.location(f.location()))
                .key(f.rule(), f.message())
                .build());
      }
    }
    for (Diagnostic d : context.analysis().warnings()) {
      // The message names the offending value, so it is the subject (and, with the code, the id):
      // the id survives edits elsewhere in the manifest.
      String message = RuleText.sentence(d.message());
      out.add(
          context
              .finding(LineageWarningRule.class, Severity.INFO, message, message)
              .explanation(message + " (manifest warning '" + d.code() + "')")
              .at(context.location(d.location()))
              .key(d.code())
              .build());
    }
    return out;
  }
}
