package dev.heredity.audit.report.html;

import static dev.heredity.audit.report.html.HtmlText.esc;

import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.NodeRow;
import dev.heredity.audit.report.ReportNumbers;
import dev.heredity.audit.report.html.LineageLayout.Box;
import dev.heredity.audit.report.html.LineageLayout.Point;
import dev.heredity.audit.report.html.LineageLayout.Route;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.NodeKind;
import java.util.List;
import java.util.Set;

/**
 * Renders a laid-out lineage as inline SVG: models as rounded boxes, datasets as cylinders,
 * trainings as hexagons; nodes and edges on a risky pair's path are drawn thick in their severity
 * colour, a model that declares a trait (where it originates) gets a violet halo, and unattributed
 * synthetic data a dashed outline. Edge labels are centred on the first segment of their edge.
 */
final class LineageSvg {
  /**
   * On a narrow screen a wide graph shrinks down to this scale of its natural size, then scrolls
   * inside its box; on a wider screen and in print it always scales to the box's width (the viewBox
   * keeps it sharp).
   */
  private static final double NARROW_MIN_SCALE = 0.5;

  private LineageSvg() {}

  /** Halo colour of a trait's origin: apart from every severity colour. */
  static final String TRAIT = "#7c3aed";

  static String render(List<NodeRow> nodes, List<EdgeRow> edges) {
    return render(nodes, edges, Set.of());
  }

  /**
   * {@code unattributed}: ids of synthetic datasets with no declared generator, outlined dashed.
   */
  static String render(List<NodeRow> nodes, List<EdgeRow> edges, Set<String> unattributed) {
    if (nodes.isEmpty()) {
      return "<p class=\"muted\">The manifest has no nodes.</p>\n";
    }
    LineageView view = LineageView.of(nodes, edges);
    LineageLayout.Result layout = LineageLayout.layout(view.nodes(), view.edges());
    StringBuilder svg = new StringBuilder();
    if (view.elided()) {
      svg.append("<p class=\"muted elided\">Drawn: ")
          .append(view.nodes().size())
          .append(" of ")
          .append(view.nodes().size() + view.elidedNodes())
          .append(" nodes (")
          .append(view.elidedNodes())
          .append(" nodes and ")
          .append(view.elidedEdges())
          .append(" edges left out: risky paths first, then their neighbourhood, at most ")
          .append(LineageView.MAX_NODES)
          .append(" nodes). The full graph is in report.json and from")
          .append(" <code>heredity lineage graph</code>.</p>\n");
    }
    svg.append("<svg class=\"lineage\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"")
        .append(" aria-label=\"Lineage graph\" style=\"--narrow-min-width: ")
        .append(n(Math.min(layout.width(), layout.width() * NARROW_MIN_SCALE)))
        .append("px\" width=\"")
        .append(n(layout.width()))
        .append("\" height=\"")
        .append(n(layout.height()))
        .append("\" viewBox=\"0 0 ")
        .append(n(layout.width()))
        .append(' ')
        .append(n(layout.height()))
        .append("\">\n");
    markers(svg);
    // Plain edges first, risky ones last so their colour is not hidden under grey lines.
    for (int pass = 0; pass < 2; pass++) {
      for (Route route : layout.routes()) {
        if ((route.edge().severity() != null) == (pass == 1)) {
          edge(route, svg);
        }
      }
    }
    for (Box box : layout.boxes()) {
      node(box, unattributed.contains(box.node().id()), svg);
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static void markers(StringBuilder svg) {
    svg.append("<defs>\n");
    marker(svg, "none", Palette.NEUTRAL);
    for (Severity s : Severity.values()) {
      marker(svg, s.label(), Palette.of(s));
    }
    svg.append("</defs>\n");
  }

  private static void marker(StringBuilder svg, String id, String colour) {
    svg.append("<marker id=\"arrow-")
        .append(id)
        .append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\"")
        .append(
            " markerUnits=\"userSpaceOnUse\" markerWidth=\"11\" markerHeight=\"11\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"")
        .append(colour)
        .append("\"/></marker>\n");
  }

  private static void edge(Route route, StringBuilder svg) {
    EdgeRow edge = route.edge();
    if (route.points().size() < 2) {
      return;
    }
    boolean risky = edge.severity() != null;
    String colour = Palette.of(edge.severity());
    svg.append("<g class=\"edge")
        .append(risky ? " risky sev-" + Palette.cssClass(edge.severity()) : "")
        .append("\" data-source=\"")
        .append(esc(edge.source()))
        .append("\" data-target=\"")
        .append(esc(edge.target()))
        .append("\">");
    svg.append("<title>").append(esc(edge.source())).append(" \u2192 ").append(esc(edge.target()));
    if (edge.relation() != null) {
      svg.append(" (").append(esc(edge.relation())).append(')');
    }
    if (risky) {
      svg.append(", on a ").append(esc(edge.severity().label())).append("-risk path");
    }
    svg.append("</title>");
    svg.append("<path d=\"");
    for (int i = 0; i < route.points().size(); i++) {
      Point p = route.points().get(i);
      svg.append(i == 0 ? "M" : " L").append(n(p.x())).append(',').append(n(p.y()));
    }
    svg.append("\" fill=\"none\" stroke=\"")
        .append(colour)
        .append("\" stroke-width=\"")
        .append(risky ? "2.6" : "1.3")
        .append('"');
    if (!risky) {
      svg.append(" stroke-opacity=\"0.8\"");
    }
    svg.append(" marker-end=\"url(#arrow-")
        .append(risky ? Palette.cssClass(edge.severity()) : "none")
        .append(")\"/>");
    Box label = onEdge(route);
    if (label != null && edge.relation() != null) {
      svg.append("<rect x=\"")
          .append(n(label.x() - 1))
          .append("\" y=\"")
          .append(n(label.y()))
          .append("\" width=\"")
          .append(n(label.width() + 2))
          .append("\" height=\"")
          .append(n(label.height()))
          .append("\" rx=\"3\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>");
      svg.append("<text class=\"edge-label\" x=\"")
          .append(n(label.x() + label.width() / 2))
          .append("\" y=\"")
          .append(n(label.y() + label.height() - 3))
          .append("\" fill=\"")
          .append(risky ? colour : "#475569")
          .append("\">")
          .append(esc(edge.relation()))
          .append("</text>");
    }
    svg.append("</g>\n");
  }

  /**
   * The label box moved onto its edge: centred vertically on the edge's first segment when that
   * segment is horizontal and holds the label's x range (where ELK reserved room for it), else
   * ELK's own place.
   */
  static Box onEdge(Route route) {
    Box label = route.label();
    if (label == null || route.points().size() < 2) {
      return label;
    }
    Point a = route.points().get(0);
    Point b = route.points().get(1);
    boolean horizontal = Math.abs(a.y() - b.y()) < 0.5;
    double from = Math.min(a.x(), b.x());
    double to = Math.max(a.x(), b.x());
    if (!horizontal || label.x() < from - 0.5 || label.x() + label.width() > to + 0.5) {
      return label;
    }
    return new Box(null, label.x(), a.y() - label.height() / 2, label.width(), label.height());
  }

  private static void node(Box box, boolean unattributed, StringBuilder svg) {
    NodeRow node = box.node();
    String kind = node.kind() == null ? "node" : node.kind().label();
    boolean risky = node.severity() != null;
    boolean origin = !node.traits().isEmpty();
    String stroke = Palette.of(node.severity());
    String style =
        "\" stroke=\""
            + stroke
            + "\" stroke-width=\""
            + (risky ? "2.6" : "1.3")
            + "\""
            + (unattributed ? " stroke-dasharray=\"6 3\"" : "");
    svg.append("<g class=\"node node-")
        .append(esc(kind))
        .append(risky ? " risky sev-" + Palette.cssClass(node.severity()) : "")
        .append(origin ? " trait-origin" : "")
        .append(unattributed ? " unattributed" : "")
        .append("\" data-id=\"")
        .append(esc(node.id()))
        .append("\" data-kind=\"")
        .append(esc(kind))
        .append("\">");
    svg.append("<title>").append(esc(kind)).append(' ').append(esc(node.id()));
    if (origin) {
      svg.append(", origin of trait ").append(esc(String.join(", ", node.traits())));
    }
    if (unattributed) {
      svg.append(", unattributed synthetic data (no declared generator)");
    }
    if (risky) {
      svg.append(" (highest risk: ").append(esc(node.severity().label())).append(')');
    }
    svg.append("</title>");
    double x = box.x();
    double y = box.y();
    double w = box.width();
    double h = box.height();
    if (origin) {
      svg.append("<rect class=\"halo\" x=\"")
          .append(n(x - 5))
          .append("\" y=\"")
          .append(n(y - 5))
          .append("\" width=\"")
          .append(n(w + 10))
          .append("\" height=\"")
          .append(n(h + 10))
          .append("\" rx=\"14\" fill=\"none\" stroke=\"")
          .append(TRAIT)
          .append("\" stroke-width=\"3\"/>");
    }
    switch (node.kind() == null ? NodeKind.MODEL : node.kind()) {
      case DATASET -> {
        double e = 6;
        svg.append("<path d=\"M")
            .append(n(x))
            .append(',')
            .append(n(y + e))
            .append(" A")
            .append(n(w / 2))
            .append(',')
            .append(n(e))
            .append(" 0 0 1 ")
            .append(n(x + w))
            .append(',')
            .append(n(y + e))
            .append(" L")
            .append(n(x + w))
            .append(',')
            .append(n(y + h - e))
            .append(" A")
            .append(n(w / 2))
            .append(',')
            .append(n(e))
            .append(" 0 0 1 ")
            .append(n(x))
            .append(',')
            .append(n(y + h - e))
            .append(" Z\" fill=\"#fefce8")
            .append(style)
            .append("/>");
        svg.append("<path d=\"M")
            .append(n(x))
            .append(',')
            .append(n(y + e))
            .append(" A")
            .append(n(w / 2))
            .append(',')
            .append(n(e))
            .append(" 0 0 0 ")
            .append(n(x + w))
            .append(',')
            .append(n(y + e))
            .append("\" fill=\"none")
            .append(style)
            .append("/>");
      }
      case TRAINING -> {
        double c = 12;
        svg.append("<polygon points=\"")
            .append(n(x + c))
            .append(',')
            .append(n(y))
            .append(' ')
            .append(n(x + w - c))
            .append(',')
            .append(n(y))
            .append(' ')
            .append(n(x + w))
            .append(',')
            .append(n(y + h / 2))
            .append(' ')
            .append(n(x + w - c))
            .append(',')
            .append(n(y + h))
            .append(' ')
            .append(n(x + c))
            .append(',')
            .append(n(y + h))
            .append(' ')
            .append(n(x))
            .append(',')
            .append(n(y + h / 2))
            .append("\" fill=\"#f5f3ff")
            .append(style)
            .append("/>");
      }
      default ->
          svg.append("<rect x=\"")
              .append(n(x))
              .append("\" y=\"")
              .append(n(y))
              .append("\" width=\"")
              .append(n(w))
              .append("\" height=\"")
              .append(n(h))
              .append("\" rx=\"10\" fill=\"#eff6ff")
              .append(style)
              .append("/>");
    }
    double cx = x + w / 2;
    double labelY = node.kind() == NodeKind.DATASET ? y + h / 2 + 3 : y + h / 2 - 1;
    svg.append("<text class=\"node-label\" x=\"")
        .append(n(cx))
        .append("\" y=\"")
        .append(n(labelY))
        .append("\">")
        .append(esc(LineageLayout.label(node)))
        .append("</text>");
    svg.append("<text class=\"node-kind\" x=\"")
        .append(n(cx))
        .append("\" y=\"")
        .append(n(labelY + 13))
        .append("\"")
        .append(risky ? " fill=\"" + stroke + "\"" : "")
        .append('>')
        .append(origin ? "trait origin" : unattributed ? "unattributed" : esc(kind))
        .append(risky ? " \u00b7 " + esc(node.severity().label()) : "")
        .append("</text>");
    svg.append("</g>\n");
  }

  private static String n(double v) {
    return ReportNumbers.fixed(v, 1);
  }
}
