package dev.heredity.interop.imports;

import com.fasterxml.jackson.databind.JsonNode;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.Checkpoint;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.InitGroup;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Relation;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.manifest.Trait;
import dev.heredity.lineage.manifest.Vocabulary;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A manifest being rebuilt from another format: models, datasets and trainings keyed by id, each
 * remembering where it was first seen. Conflicting statements are errors at the position of the
 * second one.
 */
final class ManifestDraft {
  static final class Model {
    final String id;
    final SourceLocation location;
    String family;
    String uri;
    String revision;
    String sha256;
    String path;
    SourceLocation pathLocation;
    final List<BaseRef> base = new ArrayList<>();
    final List<Trait> traits = new ArrayList<>();

    Model(String id, SourceLocation location) {
      this.id = id;
      this.location = location;
    }

    /**
     * The checkpoint's local weights, as written (relative to the imported file's folder). {@code
     * field} names where the value sits in the imported format, for the error.
     */
    void checkpointPath(JsonNode value, String field, SourceLocation at) {
      if (value == null || !value.isTextual() || value.asText().isBlank()) {
        throw conflict(
            at,
            "'"
                + field
                + "' of model '"
                + id
                + "' must be a non-empty string, got "
                + (value == null ? "nothing" : value.toString()));
      }
      String text = value.asText();
      if (path != null && !path.equals(text)) {
        throw conflict(
            at,
            "model '"
                + id
                + "' has checkpoint path '"
                + text
                + "' here but '"
                + path
                + "' at "
                + pathLocation);
      }
      path = text;
      pathLocation = at;
    }

    void addBase(String model, Relation relation, SourceLocation at) {
      if (base.stream().noneMatch(b -> b.model().equals(model) && b.relation() == relation)) {
        base.add(new BaseRef(model, relation, at));
      }
    }

    void addTrait(Trait trait) {
      if (traits.stream().noneMatch(t -> t.name().equals(trait.name()))) {
        traits.add(trait);
      }
    }
  }

  static final class Dataset {
    final String id;
    final SourceLocation location;
    String path;
    String uri;
    String sha256;
    String format;
    String modality;
    String generatedBy;
    SourceLocation generatedAt;
    Map<String, Object> sampling = Map.of();
    String reference;
    final List<DerivedFrom> derivedFrom = new ArrayList<>();
    final List<String> filters = new ArrayList<>();

    Dataset(String id, SourceLocation location) {
      this.id = id;
      this.location = location;
    }

    void addSource(String dataset, String operation, SourceLocation at) {
      if (derivedFrom.stream().noneMatch(d -> d.dataset().equals(dataset))) {
        derivedFrom.add(new DerivedFrom(dataset, operation, at));
      }
    }
  }

  static final class Training {
    final String id;
    final SourceLocation location;
    String student;
    String from;
    String method;
    final Set<String> datasets = new LinkedHashSet<>();

    Training(String id, SourceLocation location) {
      this.id = id;
      this.location = location;
    }
  }

  private final Path file;
  private final Map<String, Model> models = new LinkedHashMap<>();
  private final Map<String, Dataset> datasets = new LinkedHashMap<>();
  private final Map<String, Training> trainings = new LinkedHashMap<>();
  private final Map<String, Set<String>> groups = new LinkedHashMap<>();
  private final Map<String, SourceLocation> groupLocations = new LinkedHashMap<>();

  ManifestDraft(Path file) {
    this.file = file;
  }

  SourceLocation at(int line, int column) {
    return new SourceLocation(file, line, column);
  }

  Model model(String id, SourceLocation at) {
    if (datasets.containsKey(id)) {
      throw conflict(
          at,
          "'" + id + "' is used as a model here but is a dataset at " + datasets.get(id).location);
    }
    return models.computeIfAbsent(id, k -> new Model(k, at));
  }

  Dataset dataset(String id, SourceLocation at) {
    if (models.containsKey(id)) {
      throw conflict(
          at,
          "'" + id + "' is used as a dataset here but is a model at " + models.get(id).location);
    }
    return datasets.computeIfAbsent(id, k -> new Dataset(k, at));
  }

  boolean isModel(String id) {
    return models.containsKey(id);
  }

  Training training(String id, SourceLocation at) {
    return trainings.computeIfAbsent(id, k -> new Training(k, at));
  }

  /** The training already read that produces {@code student}. */
  Optional<Training> trainingOf(String student) {
    return trainings.values().stream().filter(t -> student.equals(t.student)).findFirst();
  }

  /** Whether a training already read produces {@code student} starting from {@code model}. */
  boolean trainingFrom(String student, String model) {
    return trainings.values().stream()
        .anyMatch(t -> student.equals(t.student) && model.equals(t.from));
  }

  void generated(String datasetId, String generator, SourceLocation at) {
    Dataset d = dataset(datasetId, at);
    if (d.generatedBy != null && !d.generatedBy.equals(generator)) {
      throw conflict(
          at,
          "dataset '"
              + datasetId
              + "' is generated by '"
              + generator
              + "' here but by '"
              + d.generatedBy
              + "' at "
              + d.generatedAt);
    }
    d.generatedBy = generator;
    d.generatedAt = at;
    model(generator, at);
  }

  void group(String name, String member, SourceLocation at) {
    groups.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(member);
    groupLocations.putIfAbsent(name, at);
  }

  static String method(String value, SourceLocation at) {
    if (value != null && !Vocabulary.METHODS.contains(value)) {
      throw conflict(
          at,
          "unknown training method '"
              + value
              + "' (expected one of: "
              + String.join(", ", Vocabulary.METHODS)
              + ")");
    }
    return value;
  }

  static String oneOf(String key, String value, List<String> allowed, SourceLocation at) {
    if (value != null && !allowed.contains(value)) {
      throw conflict(
          at,
          "unknown "
              + key
              + " '"
              + value
              + "' (expected one of: "
              + String.join(", ", allowed)
              + ")");
    }
    return value;
  }

  static Relation relation(String value, SourceLocation at) {
    if (!Vocabulary.RELATIONS.contains(value)) {
      throw conflict(
          at,
          "unknown relation '"
              + value
              + "' (expected one of: "
              + String.join(", ", Vocabulary.RELATIONS)
              + ")");
    }
    return Vocabulary.relation(value);
  }

  /** {@code path} against the imported file's folder, as a manifest's paths are against its own. */
  private Path resolve(String path, SourceLocation at) {
    if (path == null) {
      return null;
    }
    try {
      return file.toAbsolutePath().normalize().resolveSibling(path).normalize();
    } catch (InvalidPathException e) {
      throw conflict(at, "invalid path '" + path + "': " + e.getReason());
    }
  }

  static InvalidManifestException conflict(SourceLocation at, String message) {
    return new InvalidManifestException(at.format(message));
  }

  /** The manifest; every id a relation names exists (created bare where only referenced). */
  Manifest build() {
    for (Dataset d : List.copyOf(datasets.values())) {
      if (d.reference != null) {
        dataset(d.reference, d.location);
      }
      d.derivedFrom.forEach(s -> dataset(s.dataset(), s.location()));
    }
    for (Model m : List.copyOf(models.values())) {
      m.base.forEach(b -> model(b.model(), b.location()));
    }
    for (Training t : trainings.values()) {
      if (t.from != null) {
        model(t.from, t.location);
      }
      model(t.student, t.location);
      t.datasets.forEach(d -> dataset(d, t.location));
    }
    List<ModelSpec> modelSpecs = new ArrayList<>();
    for (Model m : models.values()) {
      Checkpoint checkpoint =
          m.uri == null && m.revision == null && m.sha256 == null && m.path == null
              ? null
              : new Checkpoint(
                  m.uri,
                  m.revision,
                  m.sha256,
                  m.location,
                  m.path,
                  resolve(m.path, m.pathLocation),
                  m.pathLocation);
      modelSpecs.add(
          new ModelSpec(
              m.id, m.family, checkpoint, m.base, m.traits, null, true, m.location, Map.of()));
    }
    List<DatasetSpec> datasetSpecs = new ArrayList<>();
    for (Dataset d : datasets.values()) {
      Path resolved = resolve(d.path, d.location);
      datasetSpecs.add(
          new DatasetSpec(
              d.id,
              d.path,
              d.uri,
              d.sha256,
              d.format,
              d.modality,
              d.generatedBy,
              d.sampling,
              d.reference,
              d.derivedFrom,
              d.filters,
              null,
              resolved,
              d.location,
              Map.of(),
              List.of(),
              List.of(),
              null,
              null,
              null,
              null));
    }
    List<TrainingSpec> trainingSpecs = new ArrayList<>();
    for (Training t : trainings.values()) {
      trainingSpecs.add(
          new TrainingSpec(
              t.id,
              t.student,
              t.from,
              List.copyOf(t.datasets),
              t.method,
              null,
              t.location,
              Map.of()));
    }
    List<InitGroup> initGroups = new ArrayList<>();
    groups.forEach(
        (name, members) -> {
          if (members.size() >= 2) {
            initGroups.add(
                new InitGroup(
                    name, List.copyOf(members), null, groupLocations.get(name), Map.of()));
          }
        });
    return new Manifest(file, 1, modelSpecs, datasetSpecs, trainingSpecs, initGroups);
  }
}
