package dev.heredity.lineage.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * A parsed manifest. {@code models} includes the students that only a training declares ({@link
 * ModelSpec#declared()} false), after the declared models.
 *
 * @param file the manifest's path as given (messages use it as is)
 * @param discover folders whose artifacts are discovered and merged in (empty when none is listed)
 */
public record Manifest(
    Path file,
    int version,
    List<ModelSpec> models,
    List<DatasetSpec> datasets,
    List<TrainingSpec> trainings,
    List<InitGroup> initGroups,
    List<DiscoverFolder> discover) {
  public Manifest {
    discover = List.copyOf(discover);
    models = List.copyOf(models);
    datasets = List.copyOf(datasets);
    trainings = List.copyOf(trainings);
    initGroups = List.copyOf(initGroups);
  }

  /** A manifest that lists no discover folders. */
  public Manifest(
      Path file,
      int version,
      List<ModelSpec> models,
      List<DatasetSpec> datasets,
      List<TrainingSpec> trainings,
      List<InitGroup> initGroups) {
    this(file, version, models, datasets, trainings, initGroups, List.of());
  }

  /** The folder relative paths are resolved against (absolute). */
  public Path folder() {
    Path parent = file.toAbsolutePath().normalize().getParent();
    return parent == null ? file.toAbsolutePath().getRoot() : parent;
  }
}
