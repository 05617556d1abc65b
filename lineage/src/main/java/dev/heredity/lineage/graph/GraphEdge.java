package dev.heredity.lineage.graph;

import dev.heredity.lineage.manifest.Evidence;
import java.util.List;
import java.util.Objects;

/**
 * An edge in the direction provenance flows (parent to child): base model to model (relation
 * finetune, prompted, merge...), generator to dataset ({@code generated}), source to derived
 * dataset (the operation, or {@code derived}), dataset to training ({@code input}), start
 * checkpoint to training ({@code from}), training to student ({@code produces}), and a dataset to
 * its control set ({@code reference}).
 *
 * <p>{@code evidence} says where the edge comes from: the evidence the manifest gives for it (or
 * for the entry that declares it), else the manifest line that declares it. An edge is identified
 * by its ends and relation; evidence does not take part in equality.
 */
public record GraphEdge(String source, String target, String relation, List<Evidence> evidence) {
  public static final String GENERATED = "generated";
  public static final String DERIVED = "derived";
  public static final String INPUT = "input";
  public static final String FROM = "from";
  public static final String PRODUCES = "produces";
  public static final String REFERENCE = "reference";

  public GraphEdge {
    evidence = List.copyOf(evidence);
  }

  public GraphEdge(String source, String target, String relation) {
    this(source, target, relation, List.of());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof GraphEdge e
        && source.equals(e.source)
        && target.equals(e.target)
        && relation.equals(e.relation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, target, relation);
  }
}
