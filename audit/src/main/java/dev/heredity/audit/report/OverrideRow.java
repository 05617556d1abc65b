package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;

/**
 * One policy severity override: every finding of {@code rule} gets {@code severity}; {@code
 * applied} counts them.
 */
public record OverrideRow(String rule, Severity severity, int applied) {}
