package dev.heredity.lineage.graph;

/** How each kind of node looks in every export, so DOT and Mermaid agree. */
enum NodeStyle {
  MODEL("box", "rounded,filled", "#dbeafe", "#1d4ed8"),
  DATASET("cylinder", "filled", "#fef3c7", "#b45309"),
  TRAINING("hexagon", "filled", "#e5e7eb", "#374151");

  final String shape;
  final String style;
  final String fill;
  final String stroke;

  NodeStyle(String shape, String style, String fill, String stroke) {
    this.shape = shape;
    this.style = style;
    this.fill = fill;
    this.stroke = stroke;
  }

  static NodeStyle of(NodeKind kind) {
    return valueOf(kind.name());
  }

  /** Edges that are not a flow of weights or data are drawn dashed. */
  static boolean dashed(GraphEdge edge) {
    return edge.relation().equals(GraphEdge.REFERENCE) || edge.relation().equals("distill");
  }
}
