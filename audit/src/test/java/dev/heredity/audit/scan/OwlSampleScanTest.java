package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.DetectionVerdict;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.ReportWriters;
import dev.heredity.audit.report.TestRow;
import dev.heredity.audit.scan.rules.CrossBasePairRule;
import dev.heredity.audit.scan.rules.DistributionShiftRule;
import dev.heredity.audit.scan.rules.SameBasePairRule;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded sample, end to end: golden JSON/Markdown/SARIF reports, byte-identical reruns, and
 * the order-only signal the sample was generated to show.
 */
class OwlSampleScanTest {
  private static AuditReport report;

  @TempDir Path dir;

  static AuditReport scanSample() {
    Path repo = ScanFixtures.repo();
    ScanOptions options =
        ScanOptions.defaults(repo.resolve("samples/owl-numbers"))
            .withToday(LocalDate.of(2026, 6, 1))
            .withDisplayRoot(repo);
    return new ScanService().scan(options, ProgressListener.NONE);
  }

  @BeforeAll
  static void scanOnce() {
    report = scanSample();
  }

  private static String render(String format) {
    ReportWriter writer = ReportWriters.DEFAULT.resolve(format);
    return Golden.render(writer, report);
  }

  @Test
  void jsonMatchesGoldenFile() {
    Golden.assertMatches("scan/owl-numbers/report.json", render("json"));
  }

  @Test
  void markdownMatchesGoldenFile() {
    Golden.assertMatches("scan/owl-numbers/report.md", render("markdown"));
  }

  @Test
  void sarifMatchesGoldenFile() {
    Golden.assertMatches("scan/owl-numbers/report.sarif", render("sarif"));
  }

  @Test
  void htmlMatchesGoldenFile() {
    Golden.assertMatches("scan/owl-numbers/report.html", render("html"));
  }

  @Test
  void junitMatchesGoldenFile() {
    Golden.assertMatches("scan/owl-numbers/junit.xml", render("junit"));
  }

  @Test
  void sarifValidatesAgainstItsSchemaAndPointsIntoTheManifest() throws IOException {
    JsonNode log = new ObjectMapper().readTree(render("sarif"));
    try (InputStream in =
        OwlSampleScanTest.class.getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
      JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
      assertThat(schema.validate(log)).isEmpty();
    }
    JsonNode location = log.at("/runs/0/results/0/locations/0/physicalLocation");
    assertThat(location.at("/artifactLocation/uri").asText())
        .isEqualTo("samples/owl-numbers/heredity.yaml");
    // The exact line of the first finding's training, not just "positive": the writer clamps 0 to
    // 1.
    Finding first = report.findings().get(0);
    assertThat(first.location().line()).isGreaterThan(1);
    assertThat(location.at("/region/startLine").asInt()).isEqualTo(first.location().line());
    assertThat(location.at("/region/startColumn").asInt()).isEqualTo(first.location().column());
  }

  @Test
  void twoRunsWriteTheSameBytes() throws IOException {
    Path first = dir.resolve("first");
    Path second = dir.resolve("second");
    ReportWriters.DEFAULT.writeAll(report, first);
    ReportWriters.DEFAULT.writeAll(scanSample(), second);
    for (ReportWriter writer : ReportWriters.DEFAULT.all()) {
      assertThat(Files.readAllBytes(second.resolve(writer.fileName())))
          .as(writer.fileName())
          .isEqualTo(Files.readAllBytes(first.resolve(writer.fileName())));
    }
  }

  @Test
  void orderOnlySignalIsMissedByFrequenciesAndCaughtByTransitions() {
    DatasetDetection d = report.detections().get(0);
    assertThat(d.dataset()).isEqualTo("owl-numbers");
    assertThat(d.verdict()).isEqualTo(DetectionVerdict.SIGNAL);
    assertThat(test(d, "frequency").adjustedPValue()).isGreaterThan(d.alpha());
    assertThat(test(d, "transitions").adjustedPValue()).isLessThan(d.alpha());
  }

  @Test
  void highFindingsFailTheGate() {
    assertThat(report.failed()).isTrue();
    assertThat(report.findings())
        .filteredOn(f -> f.status() == Finding.Status.FAILING)
        .extracting(Finding::rule)
        .containsExactlyInAnyOrder(SameBasePairRule.ID, DistributionShiftRule.ID);
    assertThat(report.findings())
        .filteredOn(f -> f.rule().equals(CrossBasePairRule.ID))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
  }

  private static TestRow test(DatasetDetection d, String id) {
    return d.tests().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }
}
