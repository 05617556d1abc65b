package dev.heredity.interop;

import dev.heredity.lineage.LineageAnalysis;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * What an export writes: the analysed lineage, the scan's findings (empty when there was no scan),
 * and the two values that would otherwise make the output differ from run to run.
 *
 * @param created the document's creation time (whole seconds; the same value gives the same bytes)
 * @param toolVersion Heredity's version, written as the producing tool's
 */
public record ExportRequest(
    LineageAnalysis analysis, List<AuditedFinding> findings, Instant created, String toolVersion) {
  public ExportRequest {
    Objects.requireNonNull(analysis, "analysis");
    findings = List.copyOf(findings);
    created = created.truncatedTo(ChronoUnit.SECONDS);
    Objects.requireNonNull(toolVersion, "toolVersion");
  }
}
