package dev.heredity.audit.scan;

import dev.heredity.discovery.DiscoveredDataset;
import dev.heredity.discovery.DiscoveredModel;
import dev.heredity.discovery.DiscoveryResult;
import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.Checkpoint;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Evidence;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.manifest.Trait;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Merges what discovery found in a manifest's {@code discover:} folders with the hand-written
 * entries. The hand-written manifest wins: an entry it declares keeps its values, and takes from
 * the discovered entry of the same model or dataset only what it leaves out (a base, a generator, a
 * path, traits, evidence). Where both say something different, the manifest's value stays and a
 * {@code discovery-conflict} warning names the manifest line and the artifact.
 */
final class ManifestOverlay {
  static final String CONFLICT = "discovery-conflict";

  record Merged(Manifest manifest, List<Diagnostic> conflicts) {}

  private ManifestOverlay() {}

  /**
   * Discovered ids that name a hand-written entry: a model by hub id ({@code checkpoint.uri} {@code
   * hf://ID} or the id itself, case-insensitively), a dataset by its file or folder, or either by
   * the same id.
   */
  static Map<String, String> aliases(Manifest hand, DiscoveryResult found) {
    Map<String, String> handModels = new HashMap<>();
    for (ModelSpec m : hand.models()) {
      handModels.putIfAbsent(key(m.id()), m.id());
      if (m.checkpoint() != null
          && m.checkpoint().uri() != null
          && m.checkpoint().uri().startsWith("hf://")) {
        handModels.putIfAbsent(key(m.checkpoint().uri().substring(5)), m.id());
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    Set<String> taken = new TreeSet<>();
    for (DiscoveredModel m : found.models()) {
      String target = m.hubId() != null ? handModels.get(key(m.hubId())) : null;
      target = target != null ? target : handModels.get(key(m.id()));
      if (target != null && !target.equals(m.id()) && taken.add(target)) {
        out.put(m.id(), target);
      }
    }
    for (DiscoveredDataset d : found.datasets()) {
      if (d.path() == null) {
        continue;
      }
      Path path = d.path().toAbsolutePath().normalize();
      for (DatasetSpec h : hand.datasets()) {
        Path declared =
            h.resolvedPath() == null ? null : h.resolvedPath().toAbsolutePath().normalize();
        if (declared != null
            && (declared.equals(path) || declared.startsWith(path) || path.startsWith(declared))
            && !h.id().equals(d.id())
            && taken.add(h.id())) {
          out.put(d.id(), h.id());
          break;
        }
      }
    }
    return out;
  }

  static Merged merge(Manifest hand, Manifest found) {
    List<Diagnostic> conflicts = new ArrayList<>();
    Map<String, ModelSpec> foundModels = byId(found.models(), ModelSpec::id);
    Map<String, DatasetSpec> foundDatasets = byId(found.datasets(), DatasetSpec::id);
    Set<String> handIds = new TreeSet<>();
    hand.models().forEach(m -> handIds.add(m.id()));
    hand.datasets().forEach(d -> handIds.add(d.id()));
    hand.trainings().forEach(t -> handIds.add(t.id()));
    Map<String, TrainingSpec> handProducers = byId(hand.trainings(), TrainingSpec::student);

    List<ModelSpec> models = new ArrayList<>();
    for (ModelSpec h : hand.models()) {
      ModelSpec f = foundModels.get(h.id());
      models.add(f == null ? h : model(h, f, handProducers.containsKey(h.id()), conflicts));
    }
    found.models().stream().filter(m -> !handIds.contains(m.id())).forEach(models::add);
    List<DatasetSpec> datasets = new ArrayList<>();
    for (DatasetSpec h : hand.datasets()) {
      DatasetSpec f = foundDatasets.get(h.id());
      datasets.add(f == null ? h : dataset(h, f, conflicts));
    }
    found.datasets().stream().filter(d -> !handIds.contains(d.id())).forEach(datasets::add);
    Map<String, ModelSpec> mergedModels = byId(models, ModelSpec::id);
    List<TrainingSpec> trainings = new ArrayList<>(hand.trainings());
    for (TrainingSpec t : found.trainings()) {
      if (handIds.contains(t.id())) {
        continue;
      }
      TrainingSpec producer = handProducers.get(t.student());
      if (producer != null) {
        if (!java.util.Objects.equals(producer.from(), t.from())
            || !producer.datasets().equals(t.datasets())) {
          conflicts.add(
              conflict(
                  producer.location(),
                  "training '"
                      + producer.id()
                      + "' of '"
                      + t.student()
                      + "' starts from "
                      + quoted(producer.from())
                      + " on "
                      + producer.datasets()
                      + ", the artifacts say from "
                      + quoted(t.from())
                      + " on "
                      + t.datasets()
                      + where(t.evidence())
                      + "; the manifest wins"));
        }
        continue;
      }
      ModelSpec student = mergedModels.get(t.student());
      boolean agrees =
          student == null
              || student.base().stream()
                  .filter(b -> b.relation().sharesInit())
                  .allMatch(b -> b.model().equals(t.from()) && b.relation().isTrainingRelation());
      if (!agrees) {
        conflicts.add(
            conflict(
                student.location(),
                "model '"
                    + student.id()
                    + "' declares base "
                    + bases(student.base())
                    + ", the artifacts say it was trained from "
                    + quoted(t.from())
                    + where(t.evidence())
                    + "; the manifest wins and the discovered training is left out"));
        continue;
      }
      trainings.add(t);
    }
    Manifest merged =
        new Manifest(
            hand.file(),
            hand.version(),
            models,
            datasets,
            trainings,
            hand.initGroups(),
            hand.discover());
    return new Merged(merged, conflicts);
  }

  private static ModelSpec model(
      ModelSpec h, ModelSpec f, boolean trainedByHand, List<Diagnostic> conflicts) {
    List<BaseRef> base = h.base();
    if (h.base().isEmpty() && !trainedByHand) {
      base = f.base();
    } else if (!h.base().isEmpty()
        && !f.base().isEmpty()
        && !baseSet(h.base()).equals(baseSet(f.base()))) {
      conflicts.add(
          conflict(
              h.locationOf("base"),
              "model '"
                  + h.id()
                  + "' declares base "
                  + bases(h.base())
                  + ", the artifacts say "
                  + bases(f.base())
                  + where(f.base().get(0).evidence())
                  + "; the manifest wins"));
    }
    List<Trait> traits = new ArrayList<>(h.traits());
    Set<String> names = h.traits().stream().map(Trait::name).collect(Collectors.toSet());
    f.traits().stream().filter(t -> !names.contains(t.name())).forEach(traits::add);
    return new ModelSpec(
        h.id(),
        h.family() != null ? h.family() : f.family(),
        checkpoint(h.checkpoint(), f.checkpoint()),
        base,
        traits,
        h.description() != null ? h.description() : f.description(),
        h.declared(),
        h.location(),
        h.valueLocations(),
        h.external(),
        h.evidence().isEmpty() ? f.evidence() : h.evidence());
  }

  /**
   * The manifest's checkpoint, with the local weights discovery found when the manifest names none
   * (so a hand-written {@code uri} does not hide the weights on disk).
   */
  private static Checkpoint checkpoint(Checkpoint h, Checkpoint f) {
    if (h == null) {
      return f;
    }
    if (h.path() != null || f == null || f.path() == null) {
      return h;
    }
    return new Checkpoint(
        h.uri(),
        h.revision(),
        h.sha256(),
        h.location(),
        f.path(),
        f.resolvedPath(),
        f.pathLocation());
  }

  private static DatasetSpec dataset(DatasetSpec h, DatasetSpec f, List<Diagnostic> conflicts) {
    String generatedBy = h.generatedBy();
    List<Evidence> generatedByEvidence = h.generatedByEvidence();
    if (generatedBy == null && h.derivedFrom().isEmpty()) {
      generatedBy = f.generatedBy();
      generatedByEvidence = f.generatedByEvidence();
    } else if (generatedBy != null
        && f.generatedBy() != null
        && !generatedBy.equals(f.generatedBy())) {
      conflicts.add(
          conflict(
              h.locationOf("generatedBy"),
              "dataset '"
                  + h.id()
                  + "' is generated by '"
                  + generatedBy
                  + "', the artifacts say '"
                  + f.generatedBy()
                  + "'"
                  + where(f.generatedByEvidence())
                  + "; the manifest wins"));
    }
    boolean ownPath = h.path() != null || h.uri() != null;
    return new DatasetSpec(
        h.id(),
        ownPath ? h.path() : f.path(),
        ownPath ? h.uri() : f.uri(),
        h.sha256(),
        h.format() != null ? h.format() : f.format(),
        h.modality() != null ? h.modality() : f.modality(),
        generatedBy,
        h.sampling(),
        h.reference() != null ? h.reference() : f.reference(),
        h.derivedFrom().isEmpty() && h.generatedBy() == null ? f.derivedFrom() : h.derivedFrom(),
        h.filters(),
        h.description() != null ? h.description() : f.description(),
        ownPath ? h.resolvedPath() : f.resolvedPath(),
        h.location(),
        h.valueLocations(),
        generatedByEvidence,
        h.evidence().isEmpty() ? f.evidence() : h.evidence(),
        h.field() != null ? h.field() : f.field(),
        h.promptField() != null ? h.promptField() : f.promptField(),
        h.split() != null ? h.split() : f.split(),
        h.sample() != null ? h.sample() : f.sample());
  }

  private static Set<String> baseSet(List<BaseRef> base) {
    return base.stream()
        .map(b -> b.model() + " " + b.relation().label())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String bases(List<BaseRef> base) {
    return base.stream()
        .map(b -> "'" + b.model() + "' (" + b.relation().label() + ")")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String quoted(String id) {
    return id == null ? "scratch" : "'" + id + "'";
  }

  /**
   * {@code " (models/x/README.md line 3)"}: the first artifact that states the discovered value.
   */
  private static String where(List<Evidence> evidence) {
    return evidence.isEmpty()
        ? ""
        : " ("
            + evidence.get(0).source()
            + (evidence.get(0).at() == null ? "" : " " + evidence.get(0).at())
            + ")";
  }

  private static Diagnostic conflict(dev.heredity.lineage.SourceLocation at, String message) {
    return new Diagnostic(CONFLICT, message, at);
  }

  private static String key(String id) {
    return id.toLowerCase(Locale.ROOT);
  }

  private static <T> Map<String, T> byId(List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> out = new LinkedHashMap<>();
    items.forEach(i -> out.putIfAbsent(id.apply(i), i));
    return out;
  }
}
