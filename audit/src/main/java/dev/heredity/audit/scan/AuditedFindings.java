package dev.heredity.audit.scan;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.interop.AuditedFinding;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageFinding;
import java.util.List;

/** The audit's findings in the neutral form the standard exports carry. */
public final class AuditedFindings {
  private AuditedFindings() {}

  /**
   * Every finding of a scan, suppressed and baseline ones included (their status is part of the
   * title).
   */
  public static List<AuditedFinding> of(AuditReport report) {
    return report.findings().stream().map(AuditedFindings::of).toList();
  }

  /** The lineage analysis' own findings (no scan ran). */
  public static List<AuditedFinding> of(LineageAnalysis analysis) {
    return analysis.findings().stream()
        .map(
            (LineageFinding f) ->
                new AuditedFinding(f.rule(), f.severity().label(), f.subject(), f.message()))
        .toList();
  }

  private static AuditedFinding of(Finding f) {
    String status =
        f.status() == Finding.Status.FAILING
            ? ""
            : " [" + f.status().name().toLowerCase(java.util.Locale.ROOT) + "]";
    return new AuditedFinding(f.rule(), f.severity().label(), f.subject(), f.title() + status);
  }
}
