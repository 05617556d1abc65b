package dev.heredity.audit.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.NodeRow;
import dev.heredity.audit.report.SampleReports;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.NodeKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportWriterTest {
  private static final Pattern SVG = Pattern.compile("<svg .*?</svg>", Pattern.DOTALL);
  private final HtmlReportWriter writer = new HtmlReportWriter();

  @Test
  void matchesGoldenFile() {
    Golden.assertMatches("report.html", Golden.render(writer, SampleReports.sample()));
  }

  @Test
  void lineageSvgHasANodeForEveryModelDatasetAndTraining() throws Exception {
    AuditReport report = SampleReports.sample();
    Document svg = parse(svgBlocks(Golden.render(writer, report)).get(0));
    assertThat(svg.getDocumentElement().getAttribute("class")).isEqualTo("lineage");

    List<String> drawn = new ArrayList<>();
    NodeList groups = svg.getElementsByTagName("g");
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.getAttribute("class").startsWith("node ")) {
        drawn.add(g.getAttribute("data-kind") + ":" + g.getAttribute("data-id"));
      }
    }
    assertThat(drawn)
        .containsExactlyInAnyOrderElementsOf(
            report.nodes().stream().map(n -> n.kind().label() + ":" + n.id()).toList());
  }

  @Test
  void shapesKindsApartAndHighlightsRiskyPaths() throws Exception {
    Document svg = parse(svgBlocks(Golden.render(writer, SampleReports.sample())).get(0));
    NodeList groups = svg.getElementsByTagName("g");
    int riskyEdges = 0;
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      String cls = g.getAttribute("class");
      if (cls.contains("node-model")) {
        assertThat(g.getElementsByTagName("rect").getLength())
            .isEqualTo(cls.contains("trait-origin") ? 2 : 1);
      } else if (cls.contains("node-dataset")) {
        assertThat(g.getElementsByTagName("path").getLength()).isEqualTo(2);
      } else if (cls.contains("node-training")) {
        assertThat(g.getElementsByTagName("polygon").getLength()).isEqualTo(1);
      } else if (cls.startsWith("edge risky")) {
        riskyEdges++;
        Element path = (Element) g.getElementsByTagName("path").item(0);
        assertThat(path.getAttribute("stroke"))
            .isEqualTo(Palette.of(cls.endsWith("sev-high") ? Severity.HIGH : Severity.LOW));
      }
    }
    long expected =
        SampleReports.sample().edges().stream().filter(e -> e.severity() != null).count();
    assertThat(riskyEdges).isEqualTo(expected);
  }

  @Test
  void everySvgIsWellFormedXml() throws Exception {
    List<String> blocks = svgBlocks(Golden.render(writer, SampleReports.sample()));
    // lineage, p-values, divergent tokens, transfer arms, transfer sweep
    assertThat(blocks).hasSize(5);
    for (String block : blocks) {
      assertThat(parse(block).getDocumentElement().getTagName()).isEqualTo("svg");
    }
  }

  @Test
  void isSelfContainedAndEscapesText() {
    String html = Golden.render(writer, SampleReports.sample());
    assertThat(html)
        .contains("Content-Security-Policy\" content=\"default-src 'none'")
        .doesNotContain("<script", "src=", "@import")
        .doesNotContainPattern("href=\"[^#]")
        .doesNotContainPattern("url\\((?!#)")
        .contains("eval &lt;model&gt; &amp; co")
        .doesNotContain("eval <model>")
        .contains("control tracked in DATA-123 &lt;until Q1&gt;");
    assertThat(html.replace("http://www.w3.org/2000/svg", ""))
        .doesNotContain("http://", "https://");
  }

  @Test
  void inPageLinksPointAtExistingAnchors() {
    String html = Golden.render(writer, SampleReports.sample());
    Matcher links = Pattern.compile("href=\"#([^\"]+)\"").matcher(html);
    int count = 0;
    while (links.find()) {
      assertThat(html).as("anchor " + links.group(1)).contains("id=\"" + links.group(1) + "\"");
      count++;
    }
    assertThat(count).isGreaterThan(8);
  }

  @Test
  void emptyReportStillRenders() {
    String html = Golden.render(writer, SampleReports.empty());
    assertThat(html)
        .contains("PASSED", "The manifest has no nodes.", "No findings.")
        .doesNotContain("id=\"detectors\"", "id=\"transfer\"");
  }

  @Test
  void layoutRunsLeftToRight() {
    AuditReport report = SampleReports.sample();
    LineageLayout.Result layout = LineageLayout.layout(report.nodes(), report.edges());
    for (EdgeRow edge : report.edges()) {
      LineageLayout.Box source = box(layout, edge.source());
      LineageLayout.Box target = box(layout, edge.target());
      assertThat(source.x() + source.width())
          .as(edge.source() + " -> " + edge.target())
          .isLessThan(target.x());
    }
    assertThat(layout.routes())
        .hasSize(report.edges().size())
        .allSatisfy(r -> assertThat(r.points()).hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  void layoutSkipsEdgesToUnknownNodes() {
    List<NodeRow> nodes = List.of(new NodeRow("a", NodeKind.MODEL, "a", null));
    LineageLayout.Result layout =
        LineageLayout.layout(nodes, List.of(new EdgeRow("a", "ghost", "x", null)));
    assertThat(layout.boxes()).hasSize(1);
    assertThat(layout.routes()).isEmpty();
  }

  private static LineageLayout.Box box(LineageLayout.Result layout, String id) {
    return layout.boxes().stream().filter(b -> b.node().id().equals(id)).findFirst().orElseThrow();
  }

  static List<String> svgBlocks(String html) {
    List<String> blocks = new ArrayList<>();
    Matcher m = SVG.matcher(html);
    while (m.find()) {
      blocks.add(m.group());
    }
    return blocks;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    return factory
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
