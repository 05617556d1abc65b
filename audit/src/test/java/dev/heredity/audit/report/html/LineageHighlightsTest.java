package dev.heredity.audit.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.html.LineageLayout.Box;
import dev.heredity.audit.report.html.LineageLayout.Point;
import dev.heredity.audit.report.html.LineageLayout.Route;
import dev.heredity.audit.scan.ScanFixtures;
import dev.heredity.audit.scan.ScanOptions;
import dev.heredity.audit.scan.ScanService;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph marks where a trait starts, every edge of a risky path, unattributed data; labels sit
 * on edges.
 */
class LineageHighlightsTest {
  @TempDir Path dir;

  private AuditReport scan() throws IOException {
    String manifest =
        ScanFixtures.UNTESTED
            .replace(
                "trainings:\n",
                """
          - id: vendor-numbers
            uri: https://vendor.example/numbers.jsonl
            modality: numbers
        trainings:
        """)
            .replace(
                "datasets: [numbers]\n  - id: ft-other",
                "datasets: [numbers, vendor-numbers]\n  - id: ft-other");
    Path file = ScanFixtures.write(dir, manifest);
    return new ScanService()
        .scan(
            ScanOptions.defaults(file).withToday(LocalDate.of(2026, 6, 1)).withDisplayRoot(dir),
            ProgressListener.NONE);
  }

  private static String group(String html, String attribute, String value) {
    Matcher m =
        Pattern.compile(
                "<g class=\"([^\"]*)\"[^>]*"
                    + attribute
                    + "=\""
                    + Pattern.quote(value)
                    + "\"[^>]*>(.*?)</g>")
            .matcher(html);
    return m.find() ? m.group(1) + "|" + m.group(2) : "";
  }

  @Test
  void traitOriginRiskyEdgesAndUnattributedDataAreMarked() throws IOException {
    AuditReport report = scan();
    String html = dev.heredity.audit.report.Golden.render(new HtmlReportWriter(), report);
    assertThat(group(html, "data-id", "teacher"))
        .contains(
            "trait-origin",
            "stroke=\"" + LineageSvg.TRAIT + "\"",
            "trait origin",
            "origin of trait loves-owls");
    assertThat(group(html, "data-id", "student")).doesNotContain("trait-origin");
    assertThat(group(html, "data-id", "vendor-numbers"))
        .contains("unattributed", "stroke-dasharray");
    assertThat(group(html, "data-id", "numbers")).doesNotContain("unattributed");
    int checked = 0;
    for (PairRow p : report.pairs()) {
      if (!p.sharedBase() || p.severity() == Severity.INFO) {
        continue;
      }
      for (int i = 1; i < p.path().size(); i++) {
        Matcher edge =
            Pattern.compile(
                    "<g class=\"(edge[^\"]*)\" data-source=\""
                        + Pattern.quote(p.path().get(i - 1))
                        + "\" data-target=\""
                        + Pattern.quote(p.path().get(i))
                        + "\"")
                .matcher(html);
        assertThat(edge.find())
            .as("edge %s -> %s drawn", p.path().get(i - 1), p.path().get(i))
            .isTrue();
        assertThat(edge.group(1)).startsWith("edge risky");
        checked++;
      }
    }
    assertThat(checked).as("edges on same-base paths").isPositive();
  }

  @Test
  void aLabelIsCentredOnItsEdgesFirstSegment() {
    EdgeRow edge = new EdgeRow("a", "b", "input", null);
    Box elk = new Box(null, 110, 60, 40, 13);
    Route straight = new Route(edge, List.of(new Point(100, 50), new Point(200, 50)), elk);
    Box on = LineageSvg.onEdge(straight);
    assertThat(on.y() + on.height() / 2).isEqualTo(50.0);
    assertThat(on.x()).isEqualTo(110.0);
    Route vertical = new Route(edge, List.of(new Point(100, 50), new Point(100, 150)), elk);
    assertThat(LineageSvg.onEdge(vertical)).isEqualTo(elk);
  }
}
