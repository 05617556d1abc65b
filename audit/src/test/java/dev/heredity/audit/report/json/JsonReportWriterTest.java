package dev.heredity.audit.report.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.DetectionVerdict;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.ReportException;
import dev.heredity.audit.report.SampleReports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {
  private final JsonReportWriter writer = new JsonReportWriter();

  @Test
  void matchesGoldenFile() {
    Golden.assertMatches("report.json", Golden.render(writer, SampleReports.sample()));
  }

  @Test
  void emptyReportMatchesGoldenFile() {
    Golden.assertMatches("empty-report.json", Golden.render(writer, SampleReports.empty()));
  }

  @Test
  void startsWithSchemaAndGateAnswer() throws Exception {
    JsonNode tree = new ObjectMapper().readTree(Golden.render(writer, SampleReports.sample()));
    List<String> keys = new ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).startsWith("schema", "tool", "version", "failed", "manifest", "summary");
    assertThat(tree.get("schema").asText()).isEqualTo("heredity-report/1");
    assertThat(tree.get("failed").asBoolean()).isTrue();
    assertThat(tree.at("/findings/2/status").asText()).isEqualTo("suppressed");
  }

  @Test
  void readsBackTheSameReport(@TempDir Path dir) {
    AuditReport report = SampleReports.sample();
    Path file = dir.resolve("report.json");
    writer.write(report, file);

    // Rule metadata is tool metadata, left out of report.json; everything else round-trips.
    AuditReport withoutRules =
        new AuditReport(
            report.schema(),
            report.tool(),
            report.version(),
            report.manifest(),
            report.summary(),
            report.nodes(),
            report.edges(),
            report.pairs(),
            report.findings(),
            report.detections(),
            report.transfer(),
            null,
            report.policy(),
            report.compliance(),
            List.of(),
            null);
    assertThat(JsonReportReader.read(file)).isEqualTo(withoutRules);
    assertThat(JsonReportReader.findingStatuses(file))
        .containsEntry("hf-3f2a9c1d0b7e", Finding.Status.FAILING)
        .containsEntry("hf-0c9d2e17aa01", Finding.Status.SUPPRESSED)
        .hasSize(report.findings().size());
  }

  @Test
  void notANumberSurvivesTheRoundTrip(@TempDir Path dir) {
    AuditReport sample = SampleReports.sample();
    DatasetDetection d = sample.detections().get(0);
    DatasetDetection notRun =
        new DatasetDetection(
            d.dataset(),
            d.reference(),
            DetectionVerdict.NOT_RUN,
            Double.NaN,
            d.alpha(),
            0,
            0,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of("reference files missing"));
    AuditReport report =
        new AuditReport(
            sample.schema(),
            sample.tool(),
            sample.version(),
            sample.manifest(),
            sample.summary(),
            sample.nodes(),
            sample.edges(),
            sample.pairs(),
            sample.findings(),
            List.of(notRun),
            sample.transfer(),
            null,
            sample.policy(),
            sample.compliance(),
            sample.rules(),
            null);
    Path file = dir.resolve("report.json");
    writer.write(report, file);
    assertThat(JsonReportReader.read(file).detections().get(0).pValue()).isNaN();
  }

  @Test
  void rejectsAnotherSchemaNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("old.json");
    Files.writeString(file, "{\"schema\": \"heredity-report/0\", \"findings\": []}");
    assertThatThrownBy(() -> JsonReportReader.read(file))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("old.json")
        .hasMessageContaining("unsupported report schema 'heredity-report/0'");
  }

  @Test
  void reportsWhereTheJsonIsBroken(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("broken.json");
    Files.writeString(file, "{\n  \"schema\": \"heredity-report/1\",\n  \"findings\": [,]\n}");
    assertThatThrownBy(() -> JsonReportReader.read(file))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("broken.json:3:");
  }

  @Test
  void reportsAMissingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> JsonReportReader.read(dir.resolve("nope.json")))
        .isInstanceOf(ReportException.class)
        .hasMessageContaining("nope.json: no such file");
  }
}
