package dev.heredity.audit.scan;

import dev.heredity.audit.report.Location;
import dev.heredity.lineage.SourceLocation;
import java.nio.file.Path;

/**
 * Shows paths in reports relative to one root folder (the working directory by default), with '/'
 * separators, so reports do not depend on where the repository sits on disk.
 */
public final class DisplayPaths {
  private final Path root;

  public DisplayPaths(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public String show(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(root) ? root.relativize(absolute) : path;
    return shown.toString().replace('\\', '/');
  }

  public Location location(SourceLocation at) {
    return at == null ? null : new Location(show(at.file()), at.line(), at.column());
  }
}
