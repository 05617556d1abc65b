package dev.heredity.audit.scan;

import dev.heredity.lineage.InvalidManifestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Turns the scan argument into a manifest file: a folder means its heredity.yaml (or .yml, .json),
 * and a folder without one means the manifest discovered from its artifacts ({@link #DISCOVERED} in
 * that folder, see {@link ManifestLoader}).
 */
public final class ManifestLocator {
  static final List<String> NAMES = List.of("heredity.yaml", "heredity.yml", "heredity.json");

  /** File name that stands for "discover this folder"; no such file is read or written. */
  public static final String DISCOVERED = "(discovered)";

  private ManifestLocator() {}

  public static Path resolve(Path argument) {
    if (!Files.isDirectory(argument)) {
      if (!Files.exists(argument)) {
        throw new InvalidManifestException(argument + ": no such file or folder");
      }
      return argument;
    }
    for (String name : NAMES) {
      Path candidate = argument.resolve(name);
      // A FIFO or device under a manifest's name is that folder's manifest, refused as what it
      // is when read, not "no manifest" followed by discovery.
      if (Files.exists(candidate) && !Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    return argument.resolve(DISCOVERED);
  }

  /** Whether {@code manifest} stands for a folder to discover rather than a file. */
  public static boolean isDiscovered(Path manifest) {
    Path name = manifest.getFileName();
    return name != null && name.toString().equals(DISCOVERED) && !Files.exists(manifest);
  }
}
