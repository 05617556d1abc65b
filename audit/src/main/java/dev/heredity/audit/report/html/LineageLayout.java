package dev.heredity.audit.report.html;

import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.NodeRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeLabelPlacement;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.PortConstraints;
import org.eclipse.elk.core.options.PortSide;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkLabel;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.ElkPort;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Lays the lineage out left to right with ELK Layered. Node sizes come from label lengths in a
 * monospace font, so the layout depends only on the report (ELK's layered algorithm is
 * deterministic for the same input order).
 */
final class LineageLayout {

  static final double CHAR_WIDTH = 7.3;
  static final double LABEL_CHAR_WIDTH = 6.0;
  static final double NODE_HEIGHT = 44;
  static final double LANE = 17;
  static final double MARGIN = 16;

  record Box(NodeRow node, double x, double y, double width, double height) {}

  record Point(double x, double y) {}

  record Route(EdgeRow edge, List<Point> points, Box label) {}

  record Result(double width, double height, List<Box> boxes, List<Route> routes) {}

  private static final Object REGISTER_LOCK = new Object();
  private static boolean registered;

  private LineageLayout() {}

  static Result layout(List<NodeRow> nodes, List<EdgeRow> edges) {
    registerLayered();
    ElkNode root = ElkGraphUtil.createGraph();
    root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
    root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
    root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
    root.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
    root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 40.0);
    root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 14.0);
    root.setProperty(CoreOptions.SPACING_LABEL_LABEL, 3.0);
    root.setProperty(CoreOptions.SPACING_EDGE_LABEL, 4.0);
    root.setProperty(CoreOptions.RANDOM_SEED, 1);

    Map<String, int[]> degrees = degrees(edges);
    Map<String, ElkNode> elkNodes = new LinkedHashMap<>();
    Map<ElkNode, NodeRow> byElk = new LinkedHashMap<>();
    for (NodeRow node : nodes) {
      if (elkNodes.containsKey(node.id())) {
        continue;
      }
      ElkNode n = ElkGraphUtil.createNode(root);
      n.setIdentifier(node.id());
      n.setDimensions(nodeWidth(node), nodeHeight(node.id(), degrees));
      n.setProperty(CoreOptions.PORT_CONSTRAINTS, PortConstraints.FIXED_SIDE);

      elkNodes.put(node.id(), n);
      byElk.put(n, node);
    }
    Map<ElkEdge, EdgeRow> byEdge = new LinkedHashMap<>();
    for (EdgeRow edge : edges) {
      ElkNode source = elkNodes.get(edge.source());
      ElkNode target = elkNodes.get(edge.target());
      if (source == null || target == null || source == target) {
        continue;
      }
      // One port per edge end: edges leave and enter at separate points, so their tail labels do
      // not pile up.
      ElkEdge e =
          ElkGraphUtil.createSimpleEdge(port(source, PortSide.EAST), port(target, PortSide.WEST));
      if (edge.relation() != null && !edge.relation().isBlank()) {
        ElkLabel label = ElkGraphUtil.createLabel(edge.relation(), e);
        label.setDimensions(edge.relation().length() * LABEL_CHAR_WIDTH + 6, 13);
        // Tail labels sit beside the source node; centre labels would each add a layer and double
        // the width.
        label.setProperty(CoreOptions.EDGE_LABELS_PLACEMENT, EdgeLabelPlacement.TAIL);
      }
      byEdge.put(e, edge);
    }

    new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());

    List<Box> boxes = new ArrayList<>();
    byElk.forEach(
        (n, node) ->
            boxes.add(
                new Box(node, n.getX() + MARGIN, n.getY() + MARGIN, n.getWidth(), n.getHeight())));
    List<Route> routes = new ArrayList<>();
    byEdge.forEach((e, edge) -> routes.add(route(e, edge)));
    return new Result(root.getWidth() + 2 * MARGIN, root.getHeight() + 2 * MARGIN, boxes, routes);
  }

  private static ElkPort port(ElkNode node, PortSide side) {
    ElkPort port = ElkGraphUtil.createPort(node);
    port.setDimensions(0, 0);
    port.setProperty(CoreOptions.PORT_SIDE, side);
    return port;
  }

  /**
   * Ports spread evenly over a node side, so a node with many edges on one side is made taller to
   * give each edge (and its label) a lane of {@link #LANE} pixels.
   */
  static double nodeHeight(String id, List<EdgeRow> edges) {
    return nodeHeight(id, degrees(edges));
  }

  private static double nodeHeight(String id, Map<String, int[]> degrees) {
    int[] outIn = degrees.getOrDefault(id, new int[2]);
    return Math.max(NODE_HEIGHT, LANE * (Math.max(outIn[0], outIn[1]) + 1));
  }

  /** Out- and in-degree per node id, counted once (a per-node scan of all edges is quadratic). */
  private static Map<String, int[]> degrees(List<EdgeRow> edges) {
    Map<String, int[]> degrees = new java.util.HashMap<>();
    for (EdgeRow e : edges) {
      degrees.computeIfAbsent(e.source(), k -> new int[2])[0]++;
      degrees.computeIfAbsent(e.target(), k -> new int[2])[1]++;
    }
    return degrees;
  }

  static double nodeWidth(NodeRow node) {
    int chars =
        Math.max(label(node).length(), node.kind() == null ? 0 : node.kind().label().length());
    return Math.max(96, Math.ceil(chars * CHAR_WIDTH) + 36);
  }

  static String label(NodeRow node) {
    return node.label() == null || node.label().isBlank() ? node.id() : node.label();
  }

  private static Route route(ElkEdge e, EdgeRow edge) {
    List<Point> points = new ArrayList<>();
    for (ElkEdgeSection section : e.getSections()) {
      points.add(new Point(section.getStartX() + MARGIN, section.getStartY() + MARGIN));
      for (ElkBendPoint bend : section.getBendPoints()) {
        points.add(new Point(bend.getX() + MARGIN, bend.getY() + MARGIN));
      }
      points.add(new Point(section.getEndX() + MARGIN, section.getEndY() + MARGIN));
    }
    Box label = null;
    if (!e.getLabels().isEmpty()) {
      ElkLabel l = e.getLabels().get(0);
      label = new Box(null, l.getX() + MARGIN, l.getY() + MARGIN, l.getWidth(), l.getHeight());
    }
    return new Route(edge, points, label);
  }

  private static void registerLayered() {
    synchronized (REGISTER_LOCK) {
      if (!registered) {
        LayoutMetaDataService.getInstance()
            .registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        registered = true;
      }
    }
  }
}
