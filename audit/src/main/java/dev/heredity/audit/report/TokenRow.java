package dev.heredity.audit.report;

/**
 * A token whose rate differs between suspect and reference; {@code position} is null when
 * positionless.
 */
public record TokenRow(
    String token, Integer position, double zScore, long suspectCount, long referenceCount) {}
