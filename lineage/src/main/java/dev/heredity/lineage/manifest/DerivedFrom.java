package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;

/** One source of a dataset and what was done to it ({@link Vocabulary#OPERATIONS}, or null). */
public record DerivedFrom(String dataset, String operation, SourceLocation location) {
}
