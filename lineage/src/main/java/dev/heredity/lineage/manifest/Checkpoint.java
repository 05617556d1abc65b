package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.nio.file.Path;

/**
 * What pins a model's weights; any field may be null.
 *
 * @param path local weights as written (a safetensors file, a folder of them or a sharded index),
 *     relative to the manifest's folder
 * @param resolvedPath {@code path} made absolute against the manifest's folder, or null
 * @param pathLocation where {@code path} is written, or null
 */
public record Checkpoint(
    String uri,
    String revision,
    String sha256,
    SourceLocation location,
    String path,
    Path resolvedPath,
    SourceLocation pathLocation) {

  /** A checkpoint without local weights. */
  public Checkpoint(String uri, String revision, String sha256, SourceLocation location) {
    this(uri, revision, sha256, location, null, null, null);
  }
}
