package dev.heredity.lineage.validate;

import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.manifest.BaseRef;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DerivedFrom;
import dev.heredity.lineage.manifest.InitGroup;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestKeys;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Problems;
import dev.heredity.lineage.manifest.TrainingSpec;
import dev.heredity.lineage.validate.IdTable.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every id a manifest refers to is declared, with the right kind; each model has at most one
 * producing training.
 */
final class ReferenceRules {
  private ReferenceRules() {}

  static void check(Manifest manifest, IdTable ids, Problems problems) {
    for (ModelSpec model : manifest.models()) {
      Set<String> listed = new HashSet<>();
      for (BaseRef base : model.base()) {
        ids.require(
            base.model(),
            Kind.MODEL,
            base.location(),
            () -> "the base of model " + Quoted.of(model.id()) + "",
            problems);
        if (!listed.add(base.model())) {
          problems.add(
              base.location(),
              "model "
                  + Quoted.of(base.model())
                  + " is listed twice in the base of model "
                  + Quoted.of(model.id()));
        }
      }
    }
    for (DatasetSpec dataset : manifest.datasets()) {
      Supplier<String> of = () -> " of dataset " + Quoted.of(dataset.id()) + "";
      ids.require(
          dataset.generatedBy(),
          Kind.MODEL,
          dataset.locationOf("generatedBy"),
          () -> "generatedBy" + of.get(),
          problems);
      ids.require(
          dataset.reference(),
          Kind.DATASET,
          dataset.locationOf("reference"),
          () -> "reference" + of.get(),
          problems);
      if (dataset.id().equals(dataset.reference())) {
        problems.add(
            dataset.locationOf("reference"),
            "dataset " + Quoted.of(dataset.id()) + " names itself as its reference");
      }
      Set<String> sources = new HashSet<>();
      for (DerivedFrom source : dataset.derivedFrom()) {
        ids.require(
            source.dataset(),
            Kind.DATASET,
            source.location(),
            () -> "derivedFrom" + of.get(),
            problems);
        if (!sources.add(source.dataset())) {
          problems.add(
              source.location(),
              "dataset "
                  + Quoted.of(source.dataset())
                  + " is listed twice in derivedFrom"
                  + of.get());
        }
      }
    }
    Map<String, TrainingSpec> producers = new HashMap<>();
    for (TrainingSpec training : manifest.trainings()) {
      Supplier<String> of = () -> " of training " + Quoted.of(training.id()) + "";
      ids.require(
          training.from(),
          Kind.MODEL,
          training.locationOf("from"),
          () -> "from" + of.get(),
          problems);
      Set<String> listed = new HashSet<>();
      for (int i = 0; i < training.datasets().size(); i++) {
        String dataset = training.datasets().get(i);
        ids.require(
            dataset,
            Kind.DATASET,
            training.datasetLocation(i),
            () -> "datasets" + of.get(),
            problems);
        if (!listed.add(dataset)) {
          problems.add(
              training.datasetLocation(i),
              "dataset " + Quoted.of(dataset) + " is listed twice in datasets" + of.get());
        }
      }
      TrainingSpec earlier = producers.putIfAbsent(training.student(), training);
      if (earlier != null) {
        problems.add(
            training.locationOf("student"),
            "model "
                + Quoted.of(training.student())
                + " is produced by two trainings, "
                + Quoted.of(earlier.id())
                + " ("
                + earlier.locationOf("student")
                + ") and "
                + Quoted.of(training.id()));
      }
    }
    Map<String, InitGroup> groups = new HashMap<>();
    for (InitGroup group : manifest.initGroups()) {
      InitGroup earlier = groups.putIfAbsent(group.name(), group);
      if (earlier != null) {
        problems.add(
            group.locationOf("name"),
            "duplicate init group name "
                + Quoted.of(group.name())
                + " (first declared at "
                + earlier.location()
                + ")");
      }
      for (int i = 0; i < group.members().size(); i++) {
        ids.require(
            group.members().get(i),
            Kind.MODEL,
            group.locationOf(ManifestKeys.indexed("members", i)),
            () -> "init group " + Quoted.of(group.name()) + "",
            problems);
      }
    }
  }
}
