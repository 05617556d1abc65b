package dev.heredity.discovery;

import java.util.List;

/**
 * A training a model card implies: the model was trained from its base on the datasets it lists.
 */
public record DiscoveredTraining(
    String id,
    String student,
    String from,
    List<String> datasets,
    String method,
    List<Evidence> evidence) {
  public DiscoveredTraining {
    datasets = List.copyOf(datasets);
    evidence = List.copyOf(evidence);
  }
}
