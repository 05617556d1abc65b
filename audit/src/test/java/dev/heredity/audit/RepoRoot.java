package dev.heredity.audit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository root for tests: the {@code heredity.repo} system property Surefire passes, else
 * the nearest folder upwards from the working directory that holds {@code samples/} and {@code
 * pom.xml}.
 */
public final class RepoRoot {
  private RepoRoot() {}

  public static Path path() {
    String property = System.getProperty("heredity.repo");
    if (property != null && !property.isBlank()) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null
        && !(Files.isDirectory(dir.resolve("samples"))
            && Files.isRegularFile(dir.resolve("pom.xml")))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException(
          "no repository root above " + Path.of("").toAbsolutePath() + "; set -Dheredity.repo");
    }
    return dir;
  }

  /** A path under the repository root. */
  public static Path resolve(String relative) {
    return path().resolve(relative);
  }
}
