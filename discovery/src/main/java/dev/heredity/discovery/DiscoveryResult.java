package dev.heredity.discovery;

import java.util.List;

/**
 * Everything one discovery run found, in a deterministic order, and every input it could not use.
 */
public record DiscoveryResult(
    List<DiscoveredModel> models,
    List<DiscoveredDataset> datasets,
    List<DiscoveredTraining> trainings,
    List<DiscoveryWarning> warnings) {
  public DiscoveryResult {
    models = List.copyOf(models);
    datasets = List.copyOf(datasets);
    trainings = List.copyOf(trainings);
    warnings = List.copyOf(warnings);
  }
}
