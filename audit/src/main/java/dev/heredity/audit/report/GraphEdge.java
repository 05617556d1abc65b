package dev.heredity.audit.report;

/**
 * One lineage edge between node ids. {@code severity} is non-null when the edge lies on a risky pair's
 * path (the highest such severity).
 */
public record GraphEdge(String source, String target, String relation, String severity) {}
