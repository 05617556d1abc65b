package dev.heredity.audit.scan;

import dev.heredity.audit.report.GraphEdge;
import dev.heredity.audit.report.GraphNode;
import dev.heredity.audit.report.Severity;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.graph.ProvenanceGraph;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The lineage graph as report nodes and edges, sorted by id. A node or edge on the path of a pair
 * with severity above info carries the highest such severity, so the HTML can highlight it.
 */
final class GraphView {
    private final Map<String, String> nodeSeverity = new HashMap<>();
    private final Map<String, String> edgeSeverity = new HashMap<>();
    private final ProvenanceGraph graph;

    GraphView(ProvenanceGraph graph, List<RiskPair> pairs) {
        this.graph = graph;
        for (RiskPair pair : pairs) {
            String severity = pair.severity().label();
            if (Severity.of(severity) == Severity.INFO) {
                continue;
            }
            List<String> path = pair.path();
            for (int i = 0; i < path.size(); i++) {
                nodeSeverity.merge(path.get(i), severity, Severity::max);
                if (i > 0) {
                    edgeSeverity.merge(path.get(i - 1) + "\n" + path.get(i), severity, Severity::max);
                }
            }
        }
    }

    List<GraphNode> nodes() {
        return graph.nodes().stream()
                .map(n -> new GraphNode(n.id(), n.kind().label(), n.label(), nodeSeverity.get(n.id())))
                .sorted(Comparator.comparing(GraphNode::kind).thenComparing(GraphNode::id))
                .toList();
    }

    List<GraphEdge> edges() {
        return graph.edges().stream()
                .map(e -> new GraphEdge(e.source(), e.target(), e.relation(),
                        edgeSeverity.get(e.source() + "\n" + e.target())))
                .sorted(Comparator.comparing(GraphEdge::source).thenComparing(GraphEdge::target)
                        .thenComparing(GraphEdge::relation))
                .toList();
    }
}
