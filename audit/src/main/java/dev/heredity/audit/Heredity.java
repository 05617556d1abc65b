package dev.heredity.audit;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ReportWriters;
import dev.heredity.audit.scan.AuditedFindings;
import dev.heredity.audit.scan.ManifestLoader;
import dev.heredity.audit.scan.ScanOptions;
import dev.heredity.audit.scan.ScanService;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.interop.ExportFormat;
import dev.heredity.interop.ExportRequest;
import dev.heredity.interop.Exporter;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Heredity as a library: run the audit from a JVM pipeline (Java, Kotlin, Scala) and gate on the
 * result without a subprocess. See docs/api.md.
 *
 * <pre>{@code
 * Heredity.Result result = Heredity.scan(Path.of("pipeline/heredity.yaml"));
 * if (result.failed()) {
 *     throw new IllegalStateException(result.report().summary().failing() + " lineage findings");
 * }
 * }</pre>
 *
 * Errors are the CLI's: {@code InvalidManifestException} (and the detectors' and policy's input
 * exceptions) for input Heredity cannot read, with a {@code file:line:column:} message; anything
 * else is a bug.
 */
public final class Heredity {
  private Heredity() {}

  /**
   * What a scan decided.
   *
   * @param report the whole report, the value behind report.json
   * @param failed whether findings at or above the fail threshold remain (not suppressed, not in
   *     the baseline)
   * @param exitCode what {@code heredity scan} would exit with: 1 when failed, else 0
   */
  public record Result(AuditReport report, boolean failed, int exitCode) {}

  /** Scans with the defaults of {@code heredity scan MANIFEST}. */
  public static Result scan(Path manifest) {
    return scan(ScanOptions.defaults(manifest));
  }

  /**
   * Scans with the given options (start from {@link ScanOptions#defaults} and its {@code with...}
   * methods).
   */
  public static Result scan(ScanOptions options) {
    AuditReport report = new ScanService().scan(options, ProgressListener.NONE);
    return new Result(report, report.failed(), report.failed() ? 1 : 0);
  }

  /**
   * Writes report.json, report.md, report.html, report.sarif and junit.xml into {@code outDir};
   * returns the files.
   */
  public static List<Path> writeReports(Result result, Path outDir) {
    return ReportWriters.DEFAULT.writeAll(result.report(), outDir);
  }

  /**
   * The scanned lineage with the scan's findings in a standard format (the {@code heredity export}
   * text).
   */
  public static String export(
      Result result, ScanOptions options, ExportFormat format, Instant created) {
    LineageAnalysis analysis =
        ManifestLoader.analyze(
            options.manifest(), new LineageOptions(options.allowOutside(), false));
    return Exporter.of(format)
        .export(
            new ExportRequest(
                analysis, AuditedFindings.of(result.report()), created, result.report().version()));
  }
}
