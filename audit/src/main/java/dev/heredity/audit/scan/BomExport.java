package dev.heredity.audit.scan;

import dev.heredity.audit.report.AtomicFiles;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.interop.ExportFormat;
import dev.heredity.interop.ExportRequest;
import dev.heredity.interop.Exporter;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * {@code scan --bom}: the scanned lineage, with the scan's findings, as a CycloneDX ML-BOM and an
 * SPDX 3 document.
 */
public final class BomExport {
  public static final String CYCLONEDX_FILE = "bom.cdx.json";
  public static final String SPDX_FILE = "spdx.json";

  private BomExport() {}

  /** Writes both files atomically into {@code outDir}; returns them. */
  public static List<Path> write(
      AuditReport report, ScanOptions options, Path outDir, Instant created, String version) {
    // The scan already checked the hashes; reading the lineage again is cheap and keeps the scan's
    // result type as is.
    LineageAnalysis analysis =
        ManifestLoader.analyze(
            options.manifest(), new LineageOptions(options.allowOutside(), false));
    ExportRequest request =
        new ExportRequest(analysis, AuditedFindings.of(report), created, version);
    Path bom = outDir.resolve(CYCLONEDX_FILE);
    Path spdx = outDir.resolve(SPDX_FILE);
    String bomText = Exporter.of(ExportFormat.CYCLONEDX).export(request);
    String spdxText = Exporter.of(ExportFormat.SPDX).export(request);
    AtomicFiles.write(bom, w -> w.write(bomText));
    AtomicFiles.write(spdx, w -> w.write(spdxText));
    return List.of(bom, spdx);
  }
}
