package dev.heredity.lineage;

/**
 * A risk that is not a teacher/student pair, such as unattributed synthetic data reaching a
 * training.
 */
public record LineageFinding(
    String rule, Severity severity, String subject, String message, SourceLocation location) {}
