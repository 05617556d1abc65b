package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.NodeKind;

/**
 * One lineage node as the report shows it. {@code severity} is the highest severity of a risky pair
 * whose path touches the node, or null.
 */
public record NodeRow(String id, NodeKind kind, String label, Severity severity) {}
