package dev.heredity.audit.cli;

import dev.heredity.audit.report.AtomicFiles;
import dev.heredity.audit.scan.AuditedFindings;
import dev.heredity.audit.scan.ManifestLoader;
import dev.heredity.interop.ExportFormat;
import dev.heredity.interop.ExportRequest;
import dev.heredity.interop.Exporter;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code heredity export}: the audited lineage as CycloneDX, SPDX, OpenLineage or PROV. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Export the audited lineage in a standard format other tools read:",
      "  cyclonedx    CycloneDX 1.6 ML-BOM (JSON): models, datasets, pedigree,",
      "               formulation (generation and training runs), risky pairs",
      "  spdx         SPDX 3.0.1 JSON-LD, AI and Dataset profiles",
      "  openlineage  OpenLineage RunEvents, one JSON object a line",
      "  prov         W3C PROV-JSON",
      "Pairs and lineage findings go in with their severities (docs/standards.md).",
      "The input may also be an OpenLineage log (.jsonl) or a CycloneDX ML-BOM.",
      "Writes to stdout, or atomically to -o FILE. SOURCE_DATE_EPOCH (seconds) fixes the creation"
          + " time: the same input then gives the same bytes."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:exported", "2:usage error", "3:invalid input (manifest, import)"})
public final class ExportCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "MANIFEST|DIR",
      description =
          "Manifest, folder holding heredity.yaml, OpenLineage log (.jsonl) or CycloneDX BOM.")
  Path manifest;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "cyclonedx, spdx, openlineage or prov.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (temp file + rename) instead of stdout.")
  Path output;

  @Option(
      names = "--allow-outside",
      description = "Accept dataset paths that leave the manifest's folder.")
  boolean allowOutside;

  @Option(
      names = "--no-verify-hashes",
      description = "Do not hash present dataset files against their sha256.")
  boolean noVerifyHashes;

  @Override
  public Integer call() {
    ExportFormat exportFormat;
    try {
      exportFormat = ExportFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid --format: " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    LineageAnalysis analysis =
        ManifestLoader.analyze(manifest, new LineageOptions(allowOutside, !noVerifyHashes));
    analysis.warnings().forEach(w -> err.println(TerminalText.line(w.render())));
    String text =
        Exporter.of(exportFormat)
            .export(
                new ExportRequest(analysis, AuditedFindings.of(analysis), created(), version()));
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.write(output, writer -> writer.write(text));
      err.println("wrote " + TerminalText.line(output));
    }
    err.flush();
    return ExitCodes.CLEAN;
  }

  /** Now, or SOURCE_DATE_EPOCH (seconds) when set, as reproducible builds do. */
  static Instant created() {
    String epoch = System.getenv("SOURCE_DATE_EPOCH");
    if (epoch == null || epoch.isBlank()) {
      return Instant.now();
    }
    try {
      return Instant.ofEpochSecond(Long.parseLong(epoch.trim()));
    } catch (NumberFormatException e) {
      throw new UsageException(
          "SOURCE_DATE_EPOCH must be whole seconds since 1970, got '" + epoch + "'");
    }
  }

  static String version() {
    String version = HeredityCli.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
