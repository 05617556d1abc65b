package dev.heredity.audit.scan;

import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.NodeRow;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.ProvenanceGraph;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * The lineage graph as report nodes and edges, sorted by kind label and id. A node or edge on the
 * path of a pair with severity above info carries the highest such severity, so the HTML can
 * highlight it.
 */
final class GraphView {
  private static final BinaryOperator<Severity> WORSE = (a, b) -> a.atLeast(b) ? a : b;

  private final Map<String, Severity> nodeSeverity = new HashMap<>();
  private final Map<String, Severity> edgeSeverity = new HashMap<>();
  private final ProvenanceGraph graph;

  GraphView(ProvenanceGraph graph, List<RiskPair> pairs) {
    this.graph = graph;
    for (RiskPair pair : pairs) {
      Severity severity = pair.severity();
      if (severity == Severity.INFO) {
        continue;
      }
      List<String> path = pair.path();
      for (int i = 0; i < path.size(); i++) {
        nodeSeverity.merge(path.get(i), severity, WORSE);
        if (i > 0) {
          edgeSeverity.merge(path.get(i - 1) + "\n" + path.get(i), severity, WORSE);
        }
      }
    }
  }

  List<NodeRow> nodes() {
    return graph.nodes().stream()
        .map(
            n ->
                new NodeRow(
                    n.id(),
                    n.kind(),
                    n.label(),
                    nodeSeverity.get(n.id()),
                    graph
                        .model(n.id())
                        .map(m -> m.traits().stream().map(t -> t.name()).toList())
                        .orElse(List.of())))
        .sorted(Comparator.comparing((NodeRow n) -> n.kind().label()).thenComparing(NodeRow::id))
        .toList();
  }

  List<EdgeRow> edges() {
    return graph.edges().stream()
        .map(
            e ->
                new EdgeRow(
                    e.source(),
                    e.target(),
                    e.relation(),
                    edgeSeverity.get(e.source() + "\n" + e.target())))
        .sorted(
            Comparator.comparing(EdgeRow::source)
                .thenComparing(EdgeRow::target)
                .thenComparing(EdgeRow::relation))
        .toList();
  }
}
