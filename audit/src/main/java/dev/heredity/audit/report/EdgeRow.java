package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;

/**
 * One lineage edge between node ids as the report shows it. {@code severity} is non-null when the
 * edge lies on a risky pair's path (the highest such severity).
 */
public record EdgeRow(String source, String target, String relation, Severity severity) {}
