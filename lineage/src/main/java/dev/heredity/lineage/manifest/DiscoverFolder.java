package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.nio.file.Path;

/**
 * A folder listed under the manifest's {@code discover} key, whose artifacts are merged into the
 * manifest.
 *
 * @param path as written, relative to the manifest's folder
 * @param resolved absolute and normalised, inside the manifest's folder
 */
public record DiscoverFolder(String path, Path resolved, SourceLocation location) {}
