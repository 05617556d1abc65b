package dev.heredity.lineage.graph;

import dev.heredity.lineage.Quoted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.AttributeType;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;
import org.jgrapht.nio.graphml.GraphMLExporter;
import org.jgrapht.nio.graphml.GraphMLExporter.AttributeCategory;
import org.jgrapht.nio.json.JSONExporter;

/**
 * Writes a provenance graph as DOT, GraphML or JSON (JGraphT's exporters) or Mermaid (no JGraphT
 * exporter exists). Nodes carry their label and kind and are shaped/coloured by kind; edges carry
 * their relation. Output depends only on the graph, so it is byte-identical across runs.
 *
 * <p>Every user string goes through {@link Quoted#escape} in DOT, GraphML and Mermaid: line breaks
 * and control characters become visible escapes, so the DOT id syntax holds, the GraphML is
 * well-formed XML 1.0 (which cannot hold most control characters even as references) and no Mermaid
 * line is split.
 */
public final class GraphExporters {
  private GraphExporters() {}

  public static void write(ProvenanceGraph graph, GraphFormat format, Writer out) {
    switch (format) {
      case DOT -> dot(graph, out);
      case GRAPHML -> graphml(graph, out);
      case JSON -> json(graph, out);
      case MERMAID -> mermaid(graph, out);
      default -> throw new IllegalArgumentException(format.toString());
    }
  }

  private static void dot(ProvenanceGraph graph, Writer out) {
    DOTExporter<GraphNode, GraphEdge> exporter =
        new DOTExporter<>(n -> '"' + Quoted.escape(n.id()).replace("\"", "\\\"") + '"');
    exporter.setGraphIdProvider(() -> "provenance");
    exporter.setGraphAttributeProvider(() -> attributes("rankdir", "LR"));
    exporter.setVertexAttributeProvider(
        n -> {
          NodeStyle style = NodeStyle.of(n.kind());
          return attributes(
              "label",
              Quoted.escape(n.label()),
              "shape",
              style.shape,
              "style",
              style.style,
              "fillcolor",
              style.fill,
              "color",
              style.stroke);
        });
    exporter.setEdgeAttributeProvider(
        e ->
            NodeStyle.dashed(e)
                ? attributes("label", Quoted.escape(e.relation()), "style", "dashed")
                : attributes("label", Quoted.escape(e.relation())));
    exporter.exportGraph(graph.graph(), out);
  }

  private static void graphml(ProvenanceGraph graph, Writer out) {
    GraphMLExporter<GraphNode, GraphEdge> exporter =
        new GraphMLExporter<>(n -> Quoted.escape(n.id()));
    Map<GraphEdge, String> edgeIds = edgeIds(graph.edges());
    exporter.setEdgeIdProvider(edgeIds::get);
    exporter.registerAttribute("label", AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute("kind", AttributeCategory.NODE, AttributeType.STRING);
    exporter.registerAttribute("relation", AttributeCategory.EDGE, AttributeType.STRING);
    exporter.setVertexAttributeProvider(
        n -> attributes("label", Quoted.escape(n.label()), "kind", n.kind().label()));
    exporter.setEdgeAttributeProvider(e -> attributes("relation", Quoted.escape(e.relation())));
    exporter.exportGraph(graph.graph(), out);
  }

  private static void json(ProvenanceGraph graph, Writer out) {
    JSONExporter<GraphNode, GraphEdge> exporter = new JSONExporter<>(GraphNode::id);
    exporter.setVertexAttributeProvider(
        n -> attributes("label", n.label(), "kind", n.kind().label()));
    exporter.setEdgeAttributeProvider(e -> attributes("relation", e.relation()));
    exporter.exportGraph(graph.graph(), out);
    try {
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mermaid(ProvenanceGraph graph, Writer out) {
    Map<String, String> ids = new HashMap<>();
    StringBuilder text = new StringBuilder("flowchart LR\n");
    for (GraphNode node : graph.nodes()) {
      String id = "n" + ids.size();
      ids.put(node.id(), id);
      String label = '"' + mermaidText(node.label()) + '"';
      String shape =
          switch (node.kind()) {
            case MODEL -> "(" + label + ")";
            case DATASET -> "[(" + label + ")]";
            case TRAINING -> "{{" + label + "}}";
          };
      text.append("  ")
          .append(id)
          .append(shape)
          .append(":::")
          .append(node.kind().label())
          .append('\n');
    }
    for (GraphEdge edge : graph.edges()) {
      String arrow = NodeStyle.dashed(edge) ? " -.->" : " -->";
      text.append("  ")
          .append(ids.get(edge.source()))
          .append(arrow)
          .append("|\"")
          .append(mermaidText(edge.relation()))
          .append("\"| ")
          .append(ids.get(edge.target()))
          .append('\n');
    }
    for (NodeKind kind : NodeKind.values()) {
      NodeStyle style = NodeStyle.of(kind);
      text.append("  classDef ")
          .append(kind.label())
          .append(" fill:")
          .append(style.fill)
          .append(",stroke:")
          .append(style.stroke)
          .append('\n');
    }
    try {
      out.write(text.toString());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Mermaid labels: one line; quotes and the entity marker must be written as entities. */
  private static String mermaidText(String text) {
    return Quoted.escape(text).replace("#", "#35;").replace("\"", "#quot;");
  }

  private static Map<GraphEdge, String> edgeIds(List<GraphEdge> edges) {
    Map<GraphEdge, String> ids = new HashMap<>();
    for (GraphEdge edge : edges) {
      ids.put(edge, "e" + ids.size());
    }
    return ids;
  }

  private static Map<String, Attribute> attributes(String... keyValues) {
    Map<String, Attribute> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], DefaultAttribute.createAttribute(keyValues[i + 1]));
    }
    return map;
  }
}
