package dev.heredity.audit.report;

/**
 * The audited manifest: its path as given (relative, '/'-separated) and the SHA-256 of its bytes.
 */
public record ManifestInfo(String path, String sha256) {}
