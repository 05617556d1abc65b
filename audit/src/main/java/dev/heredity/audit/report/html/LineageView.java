package dev.heredity.audit.report.html;

import dev.heredity.audit.report.EdgeRow;
import dev.heredity.audit.report.NodeRow;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The part of the lineage the HTML report draws. ELK's layered layout recurses per node (a chain of
 * about 5,000 nodes overflows the stack) and a drawing of thousands of boxes is unreadable anyway,
 * so above {@link #MAX_NODES} the view keeps the nodes on risky paths first, then their
 * neighbourhood, breadth first, until the cap; {@link #elidedNodes()} says how much was left out.
 * The walk is iterative, so any depth or width of graph is safe, and it is deterministic: it
 * follows the report's node and edge order.
 */
record LineageView(List<NodeRow> nodes, List<EdgeRow> edges, int elidedNodes, int elidedEdges) {

  /**
   * Most nodes drawn; about the most a page can show legibly, and far below ELK's recursion limit.
   */
  static final int MAX_NODES = 300;

  static LineageView of(List<NodeRow> nodes, List<EdgeRow> edges) {
    return of(nodes, edges, MAX_NODES);
  }

  static LineageView of(List<NodeRow> nodes, List<EdgeRow> edges, int maxNodes) {
    Map<String, NodeRow> byId = new HashMap<>();
    for (NodeRow node : nodes) {
      byId.putIfAbsent(node.id(), node);
    }
    if (byId.size() <= maxNodes) {
      return new LineageView(nodes, edges, 0, 0);
    }
    Map<String, List<String>> neighbours = new HashMap<>();
    for (EdgeRow edge : edges) {
      neighbours.computeIfAbsent(edge.source(), k -> new ArrayList<>()).add(edge.target());
      neighbours.computeIfAbsent(edge.target(), k -> new ArrayList<>()).add(edge.source());
    }
    Set<String> kept = new LinkedHashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    // Risky nodes and the ends of risky edges first, in report order.
    for (NodeRow node : nodes) {
      if (node.severity() != null) {
        keep(node.id(), byId, kept, queue, maxNodes);
      }
    }
    for (EdgeRow edge : edges) {
      if (edge.severity() != null) {
        keep(edge.source(), byId, kept, queue, maxNodes);
        keep(edge.target(), byId, kept, queue, maxNodes);
      }
    }
    if (kept.isEmpty()) {
      keep(nodes.get(0).id(), byId, kept, queue, maxNodes);
    }
    int next = 0;
    while (kept.size() < maxNodes) {
      if (queue.isEmpty()) {
        // a component the risky part does not reach: continue from the next node in report order
        while (next < nodes.size() && kept.contains(nodes.get(next).id())) {
          next++;
        }
        if (next == nodes.size()) {
          break;
        }
        keep(nodes.get(next).id(), byId, kept, queue, maxNodes);
        continue;
      }
      for (String neighbour : neighbours.getOrDefault(queue.poll(), List.of())) {
        keep(neighbour, byId, kept, queue, maxNodes);
      }
    }
    List<NodeRow> shownNodes = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (NodeRow node : nodes) {
      if (kept.contains(node.id()) && seen.add(node.id())) {
        shownNodes.add(node);
      }
    }
    List<EdgeRow> shownEdges =
        edges.stream().filter(e -> kept.contains(e.source()) && kept.contains(e.target())).toList();
    return new LineageView(
        shownNodes, shownEdges, byId.size() - shownNodes.size(), edges.size() - shownEdges.size());
  }

  private static void keep(
      String id,
      Map<String, NodeRow> byId,
      Set<String> kept,
      ArrayDeque<String> queue,
      int maxNodes) {
    if (kept.size() < maxNodes && byId.containsKey(id) && kept.add(id)) {
      queue.add(id);
    }
  }

  boolean elided() {
    return elidedNodes > 0;
  }
}
