package dev.heredity.lineage.manifest;

import dev.heredity.lineage.SourceLocation;
import java.util.List;
import java.util.Map;

/**
 * A model. {@code declared} is false for a student that only a training names (the spec lets a
 * training create its student); such a model has no base, family or traits of its own.
 *
 * @param external the model is known by its hub id only: no local files are expected for it
 * @param evidence where the model's entry comes from (empty when hand-written without any)
 */
public record ModelSpec(
    String id,
    String family,
    Checkpoint checkpoint,
    List<BaseRef> base,
    List<Trait> traits,
    String description,
    boolean declared,
    SourceLocation location,
    Map<String, SourceLocation> valueLocations,
    boolean external,
    List<Evidence> evidence)
    implements Located {
  public ModelSpec {
    base = List.copyOf(base);
    traits = List.copyOf(traits);
    valueLocations = Map.copyOf(valueLocations);
    evidence = List.copyOf(evidence);
  }

  /** A local model without evidence. */
  public ModelSpec(
      String id,
      String family,
      Checkpoint checkpoint,
      List<BaseRef> base,
      List<Trait> traits,
      String description,
      boolean declared,
      SourceLocation location,
      Map<String, SourceLocation> valueLocations) {
    this(
        id,
        family,
        checkpoint,
        base,
        traits,
        description,
        declared,
        location,
        valueLocations,
        false,
        List.of());
  }

  /** A student created by the training at {@code location}. */
  public static ModelSpec implicitStudent(String id, SourceLocation location) {
    return new ModelSpec(
        id, null, null, List.of(), List.of(), null, false, location, Map.of(), false, List.of());
  }
}
