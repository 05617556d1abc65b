package dev.heredity.audit.cli;

import dev.heredity.audit.policy.FailOn;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ReportWriters;
import dev.heredity.audit.scan.BomExport;
import dev.heredity.audit.scan.ScanOptions;
import dev.heredity.audit.scan.ScanOptions.TransferSource;
import dev.heredity.audit.scan.ScanService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code heredity scan}: the whole audit of one manifest, written as five reports, with a CI exit
 * code.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description =
        "Audit a whole pipeline from its manifest: same-base teacher/student pairs, detectors on"
            + " every dataset with a control set, transfer-test evidence, then the policy (fail threshold,"
            + " overrides, suppressions, baseline). Writes report.json, report.md, report.html, report.sarif"
            + " and junit.xml to --out and prints where they are.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no finding at or above the fail threshold",
      "1:findings at or above the fail threshold (not suppressed, not in the baseline)",
      "2:usage error",
      "3:invalid input (manifest, dataset, policy, baseline...)"
    })
public final class ScanCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "MANIFEST|DIR",
      description = "Manifest file, or a folder holding heredity.yaml / heredity.json.")
  Path manifest;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "DIR",
      defaultValue = "heredity-report",
      description = "Folder for the reports (created if needed; default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(
      names = "--policy",
      paramLabel = "FILE",
      description = "Policy file (default: heredity-policy.yaml beside the manifest, if present).")
  Path policy;

  @Option(
      names = "--baseline",
      paramLabel = "REPORT_JSON",
      description = "A previous report.json: only findings absent from it can fail.")
  Path baseline;

  @Option(
      names = "--profiles",
      paramLabel = "DIR",
      description =
          "A profile folder written by the heredity-spark job: the distribution tests run on its"
              + " uniform samples and the format profile, leak scan and divergent tokens come from its"
              + " full-corpus pass, instead of reading the data files (docs/spark.md).")
  Path profiles;

  @Option(
      names = "--no-weights",
      description =
          "Do not check declared relations against local model weights (checkpoint.path, checkpoint.uri"
              + " file:PATH, or weights/<model id>/).")
  boolean noWeights;

  @Option(
      names = "--transfer-test",
      description = "Run the MNIST-proxy transfer test now (default configuration).")
  boolean transferTest;

  @Option(
      names = "--transfer-result",
      paramLabel = "FILE",
      description =
          "Cite a previous 'transfer-test --format json' result instead of the reference figures.")
  Path transferResult;

  @Option(
      names = "--transfer-models",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Models per arm when --transfer-test runs, 2 to 100 (default: ${DEFAULT-VALUE}).")
  int transferModels;

  @Option(
      names = "--alpha",
      paramLabel = "X",
      description = "Detectors' significance level (overrides the policy; default 0.01).")
  Double alpha;

  @Option(
      names = "--permutations",
      paramLabel = "N",
      defaultValue = "999",
      description =
          "Label permutations for the detectors' p-values, 19 to 100000 (default: ${DEFAULT-VALUE}).")
  int permutations;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--sample",
      paramLabel = "N",
      description =
          "Run the distribution tests on a seeded uniform sample of N records per dataset, drawn"
              + " from all its files in one pass; counts, format profile and leak scan still cover"
              + " every record. 0 = every record (memory then grows with the data). Overrides the"
              + " datasets' and the policy's 'sample' (default: the dataset's 'sample', else the"
              + " policy's, else 100000).")
  Integer sample;

  @Option(
      names = "--max-records",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Read only the first N records of each dataset, not a random sample: faster, but a"
              + " sorted file gives a biased comparison (0 = all, the default).")
  int maxRecords;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      description =
          "Fail threshold: critical, high, medium, low, info, or none to only report (overrides the"
              + " policy's fail-on; default high).")
  String failOn;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "Summary printed on stdout: table or json (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(
      names = {"-q", "--quiet"},
      description =
          "Silent on success: no summary table, no progress bars, no 'reports written' line (for CI).")
  boolean quiet;

  @Option(
      names = "--allow-outside",
      description = "Accept dataset paths outside the manifest's folder.")
  boolean allowOutside;

  @Option(
      names = "--bom",
      description =
          "Also write bom.cdx.json (CycloneDX 1.6 ML-BOM) and spdx.json (SPDX 3.0.1)"
              + " beside the reports, with the findings.")
  boolean bom;

  @Option(
      names = "--stamp",
      description =
          "Stamp every report with the UTC time (SOURCE_DATE_EPOCH when set),"
              + " Heredity's version and commit, this command line, the manifest and policy sha256 and the audited"
              + " folder's git commit. Off by default: unstamped reports are byte-identical across runs.")
  boolean stamp;

  @Option(
      names = "--today",
      paramLabel = "DATE",
      hidden = true,
      converter = IsoDate.class,
      description = "Judge suppression expiry as of this date (YYYY-MM-DD) instead of today (UTC).")
  LocalDate today;

  /** A YYYY-MM-DD date, refused in a user's words rather than as Java's parse exception. */
  static final class IsoDate implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a date (write YYYY-MM-DD, e.g. 2026-12-31)");
      }
    }
  }

  @Override
  public Integer call() {
    ScanOptions options = options();
    SummaryFormat summaryFormat = SummaryFormat.parse(format);
    AuditReport report;
    try {
      report = new ScanService().scan(options, TerminalProgress.forStderr(quiet));
    } catch (dev.heredity.detectors.InvalidInputException e) {
      throw InputAdvice.forScan(e);
    }
    if ((transferTest || transferResult != null) && report.transfer() == null && !quiet) {
      spec.commandLine()
          .getErr()
          .println(
              "heredity: no same-base teacher/student pair: the MNIST-proxy"
                  + " transfer evidence does not apply and is left out of the reports");
    }
    if (stamp) {
      report =
          report.withStamp(
              ReportStamp.of(
                  report,
                  spec.commandLine().getParseResult().originalArgs(),
                  manifest,
                  System.getenv(ReportStamp.EPOCH_VARIABLE),
                  java.time.Instant::now));
    }
    // A ReportException (disk full, permission denied...) is exit 3 with the OS cause, via
    // ErrorHandler.
    List<Path> written = new ArrayList<>(ReportWriters.DEFAULT.writeAll(report, out));
    if (bom) {
      written.addAll(
          BomExport.write(report, options, out, ExportCommand.created(), ExportCommand.version()));
    }
    var stdout = spec.commandLine().getOut();
    if (summaryFormat == SummaryFormat.JSON) {
      stdout.print(ScanSummary.json(report, out, written));
    } else if (!quiet) {
      stdout.print(ScanSummary.table(report));
    }
    stdout.flush();
    var err = spec.commandLine().getErr();
    if (report.policy() != null) {
      report
          .policy()
          .warnings()
          .forEach(w -> err.println("heredity: warning: " + TerminalText.line(w)));
    }
    if (!quiet) {
      err.println(
          "heredity: reports written to "
              + TerminalText.line(out.toString().replace('\\', '/'))
              + "/ ("
              + String.join(", ", written.stream().map(p -> p.getFileName().toString()).toList())
              + ")");
    }
    if (report.failed()) {
      err.println(
          "heredity: "
              + report.summary().failing()
              + " finding(s) at or above '"
              + report.summary().failOn().label()
              + "': failing");
    }
    err.flush();
    return report.failed() ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  private ScanOptions options() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new UsageException("--out " + out + ": not a folder");
    }
    if (transferTest && transferResult != null) {
      throw new UsageException("--transfer-test and --transfer-result cannot be used together");
    }
    OptionRange.TRANSFER_MODELS.check(transferModels);
    OptionRange.PERMUTATIONS.check(permutations);
    if (alpha != null) {
      OptionRange.ALPHA.check(alpha);
    }
    OptionRange.MAX_RECORDS.check(maxRecords);
    if (sample != null) {
      OptionRange.SAMPLE.check(sample);
      if (profiles != null) {
        throw new UsageException(
            "--sample cannot be used with --profiles: the tests run on the cluster run's samples");
      }
    }
    FailOn threshold = null;
    if (failOn != null) {
      try {
        threshold = FailOn.parse(failOn);
      } catch (IllegalArgumentException e) {
        throw new UsageException("--fail-on: " + e.getMessage());
      }
    }
    TransferSource source =
        transferTest
            ? TransferSource.RUN
            : transferResult != null ? TransferSource.FILE : TransferSource.REFERENCE;
    return ScanOptions.defaults(manifest)
        .withPolicy(policy)
        .withBaseline(baseline)
        .withTransfer(source, transferResult)
        .withTransferModels(transferModels)
        .withDetectorSettings(alpha, permutations, seed, maxRecords)
        .withFailOn(threshold)
        .withAllowOutside(allowOutside)
        .withCheckWeights(!noWeights)
        .withProfiles(profiles)
        .withSample(sample)
        .withToday(today != null ? today : LocalDate.now(ZoneOffset.UTC));
  }

  enum SummaryFormat {
    TABLE,
    JSON;

    static SummaryFormat parse(String value) {
      for (SummaryFormat f : values()) {
        if (f.name().equalsIgnoreCase(value)) {
          return f;
        }
      }
      throw new UsageException("unknown --format '" + value + "' (valid: table, json)");
    }
  }
}
