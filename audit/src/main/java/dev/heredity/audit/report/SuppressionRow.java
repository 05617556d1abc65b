package dev.heredity.audit.report;

/**
 * One suppression: what it matches (a finding id or "rule:subject"), why, optional expiry (ISO date
 * or null), whether it has expired, and how many findings it matched.
 */
public record SuppressionRow(
    String match, String reason, String expires, boolean expired, int matched) {}
