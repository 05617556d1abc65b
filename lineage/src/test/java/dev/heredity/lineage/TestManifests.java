package dev.heredity.lineage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes inline manifests for tests and finds the repository's samples. */
public final class TestManifests {
  private TestManifests() {}

  public static Path write(Path dir, String name, String text) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The repository root: surefire's {@code heredity.repo}, or the nearest folder above with {@code
   * samples/}.
   */
  public static Path repo() {
    String property = System.getProperty("heredity.repo");
    if (property != null && Files.isDirectory(Path.of(property, "samples"))) {
      return Path.of(property);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("samples/lineage"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "cannot find the repository root (no samples/lineage above "
              + Path.of("").toAbsolutePath()
              + ")");
    }
    return dir;
  }

  public static Path sample(String name) {
    return repo().resolve("samples/lineage").resolve(name);
  }

  public static LineageAnalysis analyze(Path manifest) {
    return Lineage.analyze(manifest, LineageOptions.defaults());
  }
}
