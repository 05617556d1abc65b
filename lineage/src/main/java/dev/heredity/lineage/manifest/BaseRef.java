package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;

/** One entry of a model's {@code base} list. */
public record BaseRef(String model, Relation relation, SourceLocation location) {
}
