package dev.heredity.audit.report;

/**
 * Where a lineage edge is stated: a file (shown relative to the report's root) or URL, the position
 * in it ({@code line 12}, a JSON pointer, a GGUF key; may be null), and how sure it is ({@code
 * declared}, {@code inferred}, {@code weak}).
 */
public record EvidenceRow(String source, String at, String confidence) {}
