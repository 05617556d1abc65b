package dev.heredity.discovery;

import dev.heredity.lineage.manifest.Relation;
import java.util.List;

/** One base of a discovered model, with every artifact that says so. */
public record BaseLink(String model, Relation relation, List<Evidence> evidence) {
  public BaseLink {
    evidence = List.copyOf(evidence);
  }
}
