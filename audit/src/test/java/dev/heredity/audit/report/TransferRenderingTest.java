package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.report.html.HtmlReportWriter;
import dev.heredity.audit.report.json.JsonReportWriter;
import dev.heredity.audit.report.markdown.MarkdownReportWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Few models: per-model values, no CI; unknown CIs are null and never drawn or printed as 0. */
class TransferRenderingTest {
  private static AuditReport withTwoModels() {
    AuditReport s = SampleReports.sample();
    TransferEvidence twoModels =
        new TransferEvidence(
            TransferSource.RUN,
            true,
            "Run here: 2 models per arm.",
            "transfer",
            List.of(
                new ArmRow("teacher", 85.9, null, 2, List.of(85.7, 86.1)),
                new ArmRow("same-init", 55.7, null, 2, List.of(12.3, 99.1))),
            List.of(new SweepRow(0.0, 55.7, null)));
    return new AuditReport(
        s.schema(),
        s.tool(),
        s.version(),
        s.manifest(),
        s.summary(),
        s.nodes(),
        s.edges(),
        s.pairs(),
        s.findings(),
        s.detections(),
        twoModels,
        null,
        s.policy(),
        s.compliance(),
        s.rules(),
        null);
  }

  @Test
  void jsonSaysNullForTheCiAndListsThePerModelValues() throws Exception {
    JsonNode arms =
        new ObjectMapper()
            .readTree(Golden.render(new JsonReportWriter(), withTwoModels()))
            .get("transfer")
            .get("arms");
    assertThat(arms.get(1).get("ci95").isNull()).isTrue();
    assertThat(arms.get(1).get("perModel").toString()).isEqualTo("[12.3,99.1]");
    JsonNode reference =
        new ObjectMapper()
            .readTree(Golden.render(new JsonReportWriter(), SampleReports.sample()))
            .get("transfer")
            .get("arms");
    assertThat(reference.get(0).get("ci95").isNull()).as("unpublished CI").isTrue();
    assertThat(reference.get(2).has("perModel")).as("100 models: no per-model list").isFalse();
  }

  @Test
  void markdownAndHtmlShowPerModelValuesAndNoPlusMinus() {
    String md = Golden.render(new MarkdownReportWriter(), withTwoModels());
    String transfer = md.substring(md.indexOf("## Mechanism evidence"));
    transfer = transfer.substring(0, transfer.indexOf("\n## ", 5));
    assertThat(transfer)
        .contains("mechanism evidence from a proxy experiment".substring(1))
        .contains("no CI (2 models): 12.3, 99.1")
        .doesNotContain("±");
    String html = Golden.render(new HtmlReportWriter(), withTwoModels());
    String section = html.substring(html.indexOf("<section id=\"transfer\">"));
    section = section.substring(0, section.indexOf("</section>"));
    assertThat(section)
        .contains("Mechanism evidence from a proxy experiment")
        .contains("per model: 12.3, 99.1")
        .doesNotContain("\u00b1")
        .doesNotContain("class=\"whisker\"");
    assertThat(section.split("class=\"per-model\"", -1)).hasSize(5);
  }

  @Test
  void unknownCisAreNotShownAsZero() {
    String md = Golden.render(new MarkdownReportWriter(), SampleReports.sample());
    assertThat(md).contains("| teacher | 85.8 | unknown | 100 |").doesNotContain("± 0 ");
    String html = Golden.render(new HtmlReportWriter(), SampleReports.sample());
    assertThat(html).doesNotContain("\u00b1 0 ").contains("CI unknown");
  }
}
