package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.ReportWriters;
import dev.heredity.audit.report.Stamp;
import dev.heredity.audit.report.WeightsOutcome;
import dev.heredity.audit.report.WeightsRelation;
import dev.heredity.audit.report.json.JsonReportReader;
import dev.heredity.detectors.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weights sample, end to end: every declared relation with local weights appears in every
 * report with its outcome and per-layer rows (golden Markdown, HTML, SARIF and JUnit; the JSON is
 * checked field by field, since its full-precision p-values belong to the weights library), and the
 * check's run time appears only in a stamped report.
 */
class WeightsSampleScanTest {
  private static AuditReport report;

  @TempDir Path dir;

  @BeforeAll
  static void scanOnce() {
    Path repo = ScanFixtures.repo();
    ScanOptions options =
        ScanOptions.defaults(repo.resolve("samples/weights"))
            .withToday(LocalDate.of(2026, 6, 1))
            .withDisplayRoot(repo);
    report = new ScanService().scan(options, ProgressListener.NONE);
  }

  private static String render(AuditReport r, String format) {
    return Golden.render(ReportWriters.DEFAULT.resolve(format), r);
  }

  private static Stamp stamp() {
    return new Stamp("2023-11-14T22:13:20Z", "0.1.0", "abc", "heredity scan", null, null, null);
  }

  @Test
  void everyDeclaredRelationWithLocalWeightsHasItsOutcome() {
    assertThat(report.weights()).isNotNull();
    assertThat(report.weights().relations())
        .extracting(r -> r.student() + " " + r.outcome() + " " + r.verdict())
        .containsExactly(
            "student-declared-a CONTRADICTED independent",
            "student-honest CONFIRMED shared-init",
            "student-declared-b CONTRADICTED shared-init",
            "student-elsewhere UNCHECKED null");
    WeightsRelation honest = report.weights().relations().get(1);
    assertThat(honest.layers())
        .extracting(l -> l.name() + " " + l.units())
        .containsExactly("model.layers.0.mlp 64", "model.layers.1.mlp 64");
    assertThat(honest.layers()).allSatisfy(l -> assertThat(l.pValue()).isLessThan(1e-50));
    WeightsRelation elsewhere = report.weights().relations().get(3);
    assertThat(elsewhere.detail())
        .isEqualTo(
            "The checkpoint.path of student-elsewhere (samples/weights/weights/student-elsewhere)"
                + " does not exist");
    assertThat(elsewhere.location().display())
        .as("the could-not-check points at the checkpoint.path value")
        .isEqualTo("samples/weights/heredity.yaml:44:63");
    assertThat(elsewhere.layers()).isEmpty();
    assertThat(report.weights().count(WeightsOutcome.UNCHECKED)).isEqualTo(1);
    assertThat(report.weights().seconds()).isNotNull().isPositive();
  }

  @Test
  void aRelationThatCouldNotBeCheckedIsALowFindingAtTheCheckpointPath() {
    assertThat(report.findings())
        .filteredOn(f -> f.rule().equals("weights-not-checked"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("teacher -> student-elsewhere");
              assertThat(f.severity()).isEqualTo(dev.heredity.lineage.Severity.LOW);
              assertThat(f.location().display()).isEqualTo("samples/weights/heredity.yaml:44:63");
              assertThat(f.evidence())
                  .contains("declared: no shared base")
                  .anyMatch(e -> e.startsWith("why: The checkpoint.path of student-elsewhere"));
            });
  }

  @Test
  void markdownMatchesGoldenFile() {
    Golden.assertMatches("scan/weights/report.md", render(report, "markdown"));
  }

  @Test
  void htmlMatchesGoldenFile() {
    Golden.assertMatches("scan/weights/report.html", render(report, "html"));
  }

  @Test
  void sarifMatchesGoldenFile() {
    Golden.assertMatches("scan/weights/report.sarif", render(report, "sarif"));
  }

  @Test
  void junitMatchesGoldenFile() {
    Golden.assertMatches("scan/weights/junit.xml", render(report, "junit"));
  }

  @Test
  void junitHasOneCasePerRelationFailingSkippedOrPassingAsItsFinding() {
    String xml = render(report, "junit");
    assertThat(xml.split("classname=\"heredity.weights\"", -1)).hasSize(5);
    assertThat(xml)
        .contains(
            "<testcase classname=\"heredity.weights\" name=\"teacher -&gt; student-declared-b\""
                + " time=\"0\">\n      <failure message=\"contradicted: The weights share an"
                + " initialisation that the manifest does not declare\" type=\"high\">")
        .contains(
            "<testcase classname=\"heredity.weights\" name=\"teacher -&gt; student-elsewhere\""
                + " time=\"0\">\n      <skipped message=\"could not check:")
        .contains("  - layer model.layers.0.mlp: 64 units, statistic 1, p 7.9e-90");
  }

  @Test
  void jsonCarriesTheRelationsWithoutRunTimeUnlessStampedAndReadsBack() throws IOException {
    JsonNode json = new ObjectMapper().readTree(render(report, "json"));
    JsonNode weights = json.get("weights");
    assertThat(weights.get("alpha").asDouble()).isEqualTo(0.01);
    assertThat(weights.has("seconds")).as("run time breaks byte stability").isFalse();
    assertThat(weights.get("relations")).hasSize(4);
    JsonNode first = weights.get("relations").get(0);
    assertThat(first.get("outcome").asText()).isEqualTo("contradicted");
    assertThat(first.get("layers").get(0).get("name").asText()).isEqualTo("model.layers.0.mlp");
    assertThat(weights.get("relations").get(3).get("outcome").asText()).isEqualTo("unchecked");

    JsonNode stamped =
        new ObjectMapper().readTree(render(report.withStamp(stamp()), "json")).get("weights");
    assertThat(stamped.get("seconds").asDouble()).isPositive();

    Path file = dir.resolve("report.json");
    String bytes = render(report, "json");
    Files.writeString(file, bytes);
    assertThat(render(JsonReportReader.read(file), "json")).isEqualTo(bytes);
  }

  @Test
  void theRunTimeIsShownOnlyInAStampedReport() {
    for (String format : new String[] {"markdown", "html", "junit"}) {
      assertThat(render(report, format)).as(format).doesNotContain("The check took");
    }
    AuditReport stamped = report.withStamp(stamp());
    assertThat(render(stamped, "markdown")).containsPattern("The check took \\d+\\.\\d s\\.");
    assertThat(render(stamped, "html")).containsPattern("The check took \\d+\\.\\d s\\.");
    assertThat(render(stamped, "junit"))
        .containsPattern("<property name=\"heredity.weights.time\" value=\"\\d+\\.\\d s\"/>");
  }

  @Test
  void withoutTheWeightsCheckTheReportHasNoWeightsSection() throws IOException {
    Path repo = ScanFixtures.repo();
    AuditReport off =
        new ScanService()
            .scan(
                ScanOptions.defaults(repo.resolve("samples/weights"))
                    .withToday(LocalDate.of(2026, 6, 1))
                    .withDisplayRoot(repo)
                    .withCheckWeights(false),
                ProgressListener.NONE);
    assertThat(off.weights()).isNull();
    assertThat(render(off, "markdown")).doesNotContain("## Weights check");
    assertThat(render(off, "html")).doesNotContain("<section id=\"weights\">");
    assertThat(new ObjectMapper().readTree(render(off, "json")).has("weights")).isFalse();
  }
}
