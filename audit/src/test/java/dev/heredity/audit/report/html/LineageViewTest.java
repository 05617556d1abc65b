package dev.heredity.audit.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.NodeRow;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.NodeKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineageViewTest {

  private static List<NodeRow> chainNodes(int n, int riskyFrom) {
    List<NodeRow> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      nodes.add(
          new NodeRow(
              "m" + i,
              NodeKind.MODEL,
              null,
              i >= riskyFrom && i < riskyFrom + 3 ? Severity.HIGH : null));
    }
    return nodes;
  }

  private static List<EdgeRow> chainEdges(int n) {
    List<EdgeRow> edges = new ArrayList<>();
    for (int i = 1; i < n; i++) {
      edges.add(new EdgeRow("m" + (i - 1), "m" + i, "finetune", null));
    }
    return edges;
  }

  @Test
  void smallGraphsAreDrawnWhole() {
    LineageView view = LineageView.of(chainNodes(50, 0), chainEdges(50));

    assertThat(view.elided()).isFalse();
    assertThat(view.nodes()).hasSize(50);
    assertThat(view.edges()).hasSize(49);
  }

  @Test
  void aLongChainKeepsTheRiskyNodesAndTheirNeighbourhoodUpToTheCap() {
    LineageView view = LineageView.of(chainNodes(20_000, 10_000), chainEdges(20_000), 40);

    assertThat(view.nodes()).hasSize(40);
    assertThat(view.elidedNodes()).isEqualTo(20_000 - 40);
    assertThat(view.nodes())
        .extracting(NodeRow::id)
        .contains("m10000", "m10001", "m10002", "m9990", "m10012");
    assertThat(view.edges())
        .hasSize(39)
        .allMatch(e -> view.nodes().stream().anyMatch(n -> n.id().equals(e.source())));
  }

  @Test
  void theLayoutOfTheBoundedViewOfAHugeChainDoesNotOverflow() {
    int n = 20_000;
    String svg = LineageSvg.render(chainNodes(n, n / 2), chainEdges(n));

    assertThat(svg).contains("Drawn: 300 of 20000 nodes").contains("m10000");
  }

  @Test
  void aGraphWithoutRiskStartsFromTheFirstNodes() {
    LineageView view = LineageView.of(chainNodes(1000, -10), chainEdges(1000), 10);

    assertThat(view.nodes())
        .extracting(NodeRow::id)
        .containsExactly("m0", "m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "m9");
  }
}
