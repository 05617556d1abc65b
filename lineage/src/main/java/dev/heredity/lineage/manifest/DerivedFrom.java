package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.util.List;

/**
 * One source of a dataset and what was done to it ({@link Vocabulary#OPERATIONS}, or null);
 * evidence may be empty.
 */
public record DerivedFrom(
    String dataset, String operation, SourceLocation location, List<Evidence> evidence) {
  public DerivedFrom {
    evidence = List.copyOf(evidence);
  }

  /** An entry without evidence of its own. */
  public DerivedFrom(String dataset, String operation, SourceLocation location) {
    this(dataset, operation, location, List.of());
  }
}
