package dev.heredity.interop;

import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.InitGroup;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Relation;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The relations every export needs, read once from an analysed manifest. */
final class LineageFacts {
  /** A model's parent and how the model came from it. */
  record Parent(String model, Relation relation) {}

  private final LineageAnalysis analysis;
  private final Map<String, TrainingSpec> trainingByStudent = new LinkedHashMap<>();

  LineageFacts(LineageAnalysis analysis) {
    this.analysis = analysis;
    for (TrainingSpec t : manifest().trainings()) {
      trainingByStudent.put(t.student(), t);
    }
  }

  Manifest manifest() {
    return analysis.manifest();
  }

  List<RiskPair> pairs() {
    return analysis.pairs();
  }

  /** Declared bases plus the training's starting checkpoint (once), in manifest order. */
  List<Parent> parents(ModelSpec model) {
    List<Parent> out = new ArrayList<>();
    for (BaseRef b : model.base()) {
      out.add(new Parent(b.model(), b.relation()));
    }
    TrainingSpec producer = trainingByStudent.get(model.id());
    if (producer != null
        && producer.from() != null
        && out.stream()
            .noneMatch(p -> p.model().equals(producer.from()) && p.relation().sharesInit())) {
      out.add(new Parent(producer.from(), producer.relation()));
    }
    return out;
  }

  /** Parents other than the producing training's start: relations no training run stands for. */
  List<Parent> derivationParents(ModelSpec model) {
    TrainingSpec producer = trainingByStudent.get(model.id());
    return parents(model).stream()
        .filter(
            p ->
                producer == null
                    || !(p.model().equals(producer.from()) && p.relation().isTrainingRelation()))
        .toList();
  }

  Optional<TrainingSpec> producer(String modelId) {
    return Optional.ofNullable(trainingByStudent.get(modelId));
  }

  List<DatasetSpec> generatedBy(String modelId) {
    return manifest().datasets().stream().filter(d -> modelId.equals(d.generatedBy())).toList();
  }

  /** Pairs whose student is {@code modelId}, worst first. */
  List<RiskPair> pairsOfStudent(String modelId) {
    return pairs().stream().filter(p -> p.student().equals(modelId)).toList();
  }

  /** The worst severity among the pairs whose student is {@code modelId}. */
  Optional<Severity> worstAsStudent(String modelId) {
    return pairsOfStudent(modelId).stream().map(RiskPair::severity).sorted().findFirst();
  }

  /** Init groups that name {@code modelId}. */
  List<String> groupsOf(String modelId) {
    return manifest().initGroups().stream()
        .filter(g -> g.members().contains(modelId))
        .map(InitGroup::name)
        .toList();
  }

  Set<String> modelIds() {
    Set<String> ids = new TreeSet<>();
    manifest().models().forEach(m -> ids.add(m.id()));
    return ids;
  }

  boolean isModel(String id) {
    return manifest().models().stream().anyMatch(m -> m.id().equals(id));
  }

  boolean isDataset(String id) {
    return manifest().datasets().stream().anyMatch(d -> d.id().equals(id));
  }

  /**
   * The model or dataset a finding is about: its subject when that is an id, else the last id of a
   * {@code teacher -> student} (or {@code =>}) subject; null when it names neither
   * (document-level).
   */
  String subjectId(String subject) {
    if (subject == null) {
      return null;
    }
    if (isModel(subject) || isDataset(subject)) {
      return subject;
    }
    String[] parts = subject.split("\\s*(->|=>)\\s*");
    String last = parts[parts.length - 1].trim();
    return parts.length > 1 && (isModel(last) || isDataset(last)) ? last : null;
  }

  /**
   * A pair as one line: {@code high: owl-teacher -> owl-student via owl-numbers (ft-owl-student):
   * reason}.
   */
  static String describe(RiskPair p) {
    return p.severity().label()
        + ": "
        + p.teacher()
        + " -> "
        + p.student()
        + " via "
        + String.join(", ", p.datasets())
        + " ("
        + p.training()
        + "): "
        + p.reason();
  }
}
