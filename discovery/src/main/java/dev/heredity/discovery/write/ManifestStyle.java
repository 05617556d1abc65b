package dev.heredity.discovery.write;

import java.nio.file.Path;

/**
 * How a discovered manifest is written.
 *
 * @param folder the folder the manifest will live in: paths and evidence sources are written
 *     relative to it
 * @param evidenceFields write {@code evidence} and {@code external} as manifest keys (YAML always
 *     has them as comments too); off for readers that predate those keys
 */
public record ManifestStyle(Path folder, boolean evidenceFields) {
  public ManifestStyle {
    folder = folder.toAbsolutePath().normalize();
  }

  /**
   * {@code path} relative to the manifest's folder, with {@code /} separators; absolute when on
   * another root.
   */
  String relative(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    if (abs.getRoot() != null && !abs.getRoot().equals(folder.getRoot())) {
      return abs.toString().replace('\\', '/');
    }
    String rel = folder.relativize(abs).toString().replace('\\', '/');
    return rel.isEmpty() ? "." : rel;
  }
}
