package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.Section;
import dev.heredity.audit.report.view.WeightsView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The weights section as each format renders it: long layer lists fold away in HTML, a relation
 * that could not be checked says why, and hostile model ids stay inert.
 */
class WeightsRenderingTest {

  private static List<WeightsLayerRow> layers(int n) {
    List<WeightsLayerRow> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new WeightsLayerRow("model.layers." + i + ".mlp", 11008, 0.99, 1e-300, 0.95));
    }
    return out;
  }

  private static AuditReport report() {
    WeightsRelation big =
        new WeightsRelation(
            "owl-teacher",
            "student",
            "sft-student",
            "shared base (qwen-base)",
            WeightsOutcome.CONFIRMED,
            "shared-init",
            1e-300,
            "Zhu et al. 2025 independence test",
            "weights/owl-teacher",
            "weights/student",
            "The weights share an initialisation, as declared",
            new Location("heredity.yaml", 40, 5),
            layers(32));
    WeightsRelation small =
        new WeightsRelation(
            "owl-teacher",
            "cross-student",
            "sft-cross",
            "no shared base",
            WeightsOutcome.CONFIRMED,
            "independent",
            0.4,
            "Zhu et al. 2025 independence test",
            "weights/owl-teacher",
            "weights/cross-student",
            "The weights show independent initialisations, as declared",
            new Location("heredity.yaml", 50, 5),
            layers(2));
    WeightsRelation unchecked =
        new WeightsRelation(
            "owl-teacher",
            "<b>eval</b>",
            "distill",
            "no shared base",
            WeightsOutcome.UNCHECKED,
            null,
            null,
            null,
            "weights/owl-teacher",
            "weights/absent",
            "The checkpoint.path of <b>eval</b> (weights/absent) does not exist",
            new Location("heredity.yaml", 12, 23),
            List.of());
    return SampleReports.sample()
        .withWeights(new WeightsEvidence(0.01, List.of(big, small, unchecked), 1, 2.5));
  }

  private static String render(AuditReport r, String format) {
    return Golden.render(ReportWriters.DEFAULT.resolve(format), r);
  }

  @Test
  void theViewCountsOutcomesAndFoldsLongLayerListsOnly() {
    WeightsView view = ReportView.of(report()).weights();
    assertThat(view.counts())
        .isEqualTo(
            "3 declared relations with local weights (alpha 0.01): 2 confirmed, 0 contradicted, 1"
                + " could not check; 1 pair without local weights not tested");
    assertThat(view.relations())
        .extracting(WeightsView.RelationView::collapsed)
        .containsExactly(true, false, false);
    assertThat(view.time()).as("unstamped").isNull();
    assertThat(view.relations().get(2).weights()).isEqualTo("not compared");
    assertThat(ReportView.of(report()).section(Section.WEIGHTS).shown()).isTrue();
    assertThat(ReportView.of(SampleReports.sample()).section(Section.WEIGHTS).shown()).isFalse();
  }

  @Test
  void htmlFoldsThirtyTwoLayersIntoDetailsAndEscapesIds() {
    String html = render(report(), "html");
    assertThat(html)
        .contains("<section id=\"weights\">")
        .contains("<details><summary>32 layers: statistic and p per layer</summary>")
        .contains("<td><code>model.layers.31.mlp</code></td><td>11008</td>")
        .contains("could not check")
        .contains("&lt;b&gt;eval&lt;/b&gt;")
        .doesNotContain("<b>eval</b>")
        .doesNotContain("The check took");
    assertThat(html.split("<details><summary>", -1).length - 1)
        .as("only the 32-layer relation folds (plus the pairs' hop lists)")
        .isEqualTo(1 + countHops(render(SampleReports.sample(), "html")));
    int section = html.indexOf("<section id=\"weights\">");
    assertThat(section).isGreaterThan(html.indexOf("<section id=\"findings\">"));
    assertThat(section).isLessThan(html.indexOf("<section id=\"transfer\">"));
  }

  private static int countHops(String html) {
    return html.split("<details><summary>", -1).length - 1;
  }

  @Test
  void markdownListsEveryRelationAndItsLayers() {
    String md = render(report(), "markdown");
    assertThat(md)
        .contains("## Weights check: declared relations against local weights")
        .contains(
            "| `owl-teacher` | `student` | shared base (qwen-base) | shared-init (p = \\< 1e-300) |"
                + " **confirmed** |  |")
        .contains("| `model.layers.31.mlp` | 11008 | 0.99 |")
        .contains("**could not check**")
        .contains("does not exist. Declared at `heredity.yaml:12:23`.");
  }

  @Test
  void junitHasACasePerRelationAndSkipsTheOneThatCouldNotBeChecked() {
    String xml = render(report(), "junit");
    assertThat(xml.split("classname=\"heredity.weights\"", -1)).hasSize(4);
    assertThat(xml)
        .contains("<skipped message=\"could not check: The checkpoint.path of &lt;b&gt;eval")
        .contains("skipped=\"2\"");
  }

  @Test
  void sarifCarriesFindingsOnly() {
    assertThat(render(report(), "sarif")).isEqualTo(render(SampleReports.sample(), "sarif"));
  }
}
