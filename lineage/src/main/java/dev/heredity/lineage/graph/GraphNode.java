package dev.heredity.lineage.graph;

/** A vertex of the provenance graph; {@code label} is the text shown in exports. */
public record GraphNode(String id, NodeKind kind, String label) {}
