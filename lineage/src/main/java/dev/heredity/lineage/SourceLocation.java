package dev.heredity.lineage;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;

/**
 * Where a value sits in a manifest: 1-based line and column. Renders as {@code file:line:column}.
 */
public record SourceLocation(Path file, int line, int column)
    implements Comparable<SourceLocation> {
  private static final Comparator<SourceLocation> ORDER =
      Comparator.comparing((SourceLocation l) -> l.file.toString())
          .thenComparingInt(SourceLocation::line)
          .thenComparingInt(SourceLocation::column);

  public SourceLocation {
    Objects.requireNonNull(file, "file");
  }

  /** Prefixes a message: {@code file:line:column: message}. */
  public String format(String message) {
    return this + ": " + message;
  }

  @Override
  public int compareTo(SourceLocation other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
