package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.util.List;

/**
 * One entry of a model's {@code base} list; {@code evidence} is empty when the entry gives none.
 */
public record BaseRef(
    String model, Relation relation, SourceLocation location, List<Evidence> evidence) {
  public BaseRef {
    evidence = List.copyOf(evidence);
  }

  /** An entry without evidence of its own. */
  public BaseRef(String model, Relation relation, SourceLocation location) {
    this(model, relation, location, List.of());
  }
}
