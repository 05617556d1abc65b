package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A training run.
 *
 * @param from the checkpoint the run started from, or null when trained from scratch
 * @param method one of {@link Vocabulary#METHODS}, or null
 * @param evidence where the training's entry comes from (empty when not given)
 */
public record TrainingSpec(
    String id,
    String student,
    String from,
    List<String> datasets,
    String method,
    String description,
    SourceLocation location,
    Map<String, SourceLocation> valueLocations,
    List<Evidence> evidence)
    implements Located {
  public TrainingSpec {
    evidence = List.copyOf(evidence);
    datasets = List.copyOf(datasets);
    valueLocations = Map.copyOf(valueLocations);
  }

  /** A training without evidence. */
  public TrainingSpec(
      String id,
      String student,
      String from,
      List<String> datasets,
      String method,
      String description,
      SourceLocation location,
      Map<String, SourceLocation> valueLocations) {
    this(id, student, from, datasets, method, description, location, valueLocations, List.of());
  }

  /** Where the {@code index}-th entry of {@code datasets} was written. */
  public SourceLocation datasetLocation(int index) {
    return locationOf(ManifestKeys.indexed("datasets", index));
  }

  /** The relation the student gets to {@code from}. */
  public Relation relation() {
    return "continued-pretrain".equals(method) ? Relation.CONTINUED_PRETRAIN : Relation.FINETUNE;
  }
}
