package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.NodeKind;
import java.util.List;

/**
 * One lineage node as the report shows it. {@code severity} is the highest severity of a risky pair
 * whose path touches the node, or null. {@code traits} are the traits the manifest declares on this
 * model (it is where they originate), empty otherwise.
 */
public record NodeRow(
    String id, NodeKind kind, String label, Severity severity, List<String> traits) {
  public NodeRow {
    traits = Lists.copy(traits);
  }

  /** A node that declares no trait. */
  public NodeRow(String id, NodeKind kind, String label, Severity severity) {
    this(id, kind, label, severity, List.of());
  }
}
