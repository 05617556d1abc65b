package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;

/** What pins a model's weights; any field may be null. */
public record Checkpoint(String uri, String revision, String sha256, SourceLocation location) {}
