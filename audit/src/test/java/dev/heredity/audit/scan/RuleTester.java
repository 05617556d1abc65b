package dev.heredity.audit.scan;

import dev.heredity.audit.policy.Policy;
import dev.heredity.audit.report.Finding;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.FormatReport;
import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.RecordCounts;
import dev.heredity.detectors.TestResult;
import dev.heredity.lineage.Lineage;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.manifest.DatasetSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one {@link ScanRule} on an inline manifest plus detector fixtures and lists its findings as
 * {@code [rule severity] subject: title}, so a rule test reads as input and the exact expected
 * output.
 */
public final class RuleTester {
  public static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

  private final ScanRule rule;
  private String manifest;
  private final Map<String, DetectionReport> detections = new LinkedHashMap<>();
  private final Map<String, String> notRun = new LinkedHashMap<>();
  private Policy policy = Policy.defaults();

  private RuleTester(ScanRule rule) {
    this.rule = rule;
  }

  public static RuleTester of(ScanRule rule) {
    return new RuleTester(rule);
  }

  public RuleTester manifest(String yaml) {
    this.manifest = yaml;
    return this;
  }

  /** The detectors ran on {@code dataset} (which names a control set) and gave {@code report}. */
  public RuleTester detected(String dataset, DetectionReport report) {
    detections.put(dataset, report);
    return this;
  }

  /** The detectors could not run on {@code dataset}, for {@code reason}. */
  public RuleTester notRun(String dataset, String reason) {
    notRun.put(dataset, reason);
    return this;
  }

  public RuleTester policy(Policy value) {
    this.policy = value;
    return this;
  }

  /** The rule's findings as {@code [rule severity] subject: title}, in the rule's order. */
  public List<String> findings() {
    return raw().stream()
        .map(
            f ->
                "[" + f.rule() + " " + f.severity().label() + "] " + f.subject() + ": " + f.title())
        .toList();
  }

  public List<Finding> raw() {
    LineageAnalysis analysis = analyze();
    Map<String, DatasetSpec> byId = new LinkedHashMap<>();
    analysis.manifest().datasets().forEach(d -> byId.put(d.id(), d));
    List<DatasetRun> runs = new ArrayList<>();
    detections.forEach(
        (id, report) ->
            runs.add(DatasetRun.ran(spec(byId, id), byId.get(spec(byId, id).reference()), report)));
    notRun.forEach((id, reason) -> runs.add(DatasetRun.notRun(spec(byId, id), null, reason)));
    ScanContext context =
        new ScanContext(
            analysis,
            runs,
            policy,
            TODAY,
            new DisplayPaths(Path.of(".")),
            ComplianceCatalog.builtIn());
    return rule.check(context);
  }

  private static DatasetSpec spec(Map<String, DatasetSpec> byId, String id) {
    DatasetSpec spec = byId.get(id);
    if (spec == null) {
      throw new IllegalArgumentException("the manifest has no dataset '" + id + "'");
    }
    return spec;
  }

  private LineageAnalysis analyze() {
    try {
      Path dir = Files.createTempDirectory("rule-tester");
      Path file = dir.resolve("heredity.yaml");
      Files.writeString(file, manifest);
      try {
        return Lineage.analyze(file, new LineageOptions(false, true));
      } finally {
        Files.delete(file);
        Files.delete(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A detection with the given verdict and combined p-value, one content test, nothing else. */
  public static DetectionReport detection(String verdict, double p) {
    return new DetectionReport(
        verdict,
        p,
        0.01,
        new RecordCounts(300, 300, 0, 0),
        List.of(new TestResult("frequency", "value frequencies", 12.0, p, p, 0.2, List.of())),
        List.of(),
        null,
        null,
        List.of());
  }

  /**
   * A no-signal detection whose format test has p-value {@code formatP} and whose leak scan found
   * {@code leaks}.
   */
  public static DetectionReport detection(double formatP, LeakReport leaks) {
    TestResult format =
        new TestResult(
            "format",
            "separators and brackets",
            30.0,
            formatP,
            formatP,
            0.1,
            List.of("separator ';' in 300 records vs 0"));
    return new DetectionReport(
        DetectionReport.NO_SIGNAL,
        0.5,
        0.01,
        new RecordCounts(300, 300, 0, 0),
        List.of(),
        List.of(),
        new FormatReport(null, null, format),
        leaks,
        List.of());
  }
}
