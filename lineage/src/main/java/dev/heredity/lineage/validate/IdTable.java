package dev.heredity.lineage.validate;

import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.IdSyntax;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Problems;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** One namespace for the ids of models, datasets and trainings; reports duplicates. */
final class IdTable {
  enum Kind {
    MODEL("a model"),
    DATASET("a dataset"),
    TRAINING("a training");

    final String article;

    Kind(String article) {
      this.article = article;
    }
  }

  record Entry(Kind kind, SourceLocation location) {}

  private final Map<String, Entry> entries = new HashMap<>();

  static IdTable build(Manifest manifest, Problems problems) {
    IdTable table = new IdTable();
    for (ModelSpec model : manifest.models()) {
      if (model.declared()) {
        table.declare(model.id(), Kind.MODEL, model.location(), problems);
      }
    }
    for (DatasetSpec dataset : manifest.datasets()) {
      table.declare(dataset.id(), Kind.DATASET, dataset.location(), problems);
    }
    for (TrainingSpec training : manifest.trainings()) {
      table.declare(training.id(), Kind.TRAINING, training.location(), problems);
    }
    for (ModelSpec model : manifest.models()) {
      if (!model.declared()) {
        Entry other =
            table.entries.putIfAbsent(model.id(), new Entry(Kind.MODEL, model.location()));
        if (other != null) {
          problems.add(
              model.location(),
              "student "
                  + Quoted.of(model.id())
                  + " is "
                  + other.kind.article
                  + " (declared at "
                  + other.location
                  + "), not a model");
        }
      }
    }
    return table;
  }

  private void declare(String id, Kind kind, SourceLocation at, Problems problems) {
    String syntax = id == null ? "is missing" : IdSyntax.problem(id);
    if (syntax != null) {
      // the parser checks ids it reads; manifests built in code (imports, discovery) are checked
      // here
      problems.add(
          at, "invalid-id", "invalid id " + Quoted.of(id) + " of " + kind.article + ": " + syntax);
      return;
    }
    Entry first = entries.putIfAbsent(id, new Entry(kind, at));
    if (first != null) {
      problems.add(
          at, "duplicate id " + Quoted.of(id) + " (first declared at " + first.location + ")");
    }
  }

  /**
   * Checks that {@code id} names an entry of {@code expected} kind; {@code role} says who refers to
   * it.
   */
  void require(
      String id, Kind expected, SourceLocation at, Supplier<String> role, Problems problems) {
    if (id == null) {
      return;
    }
    Entry entry = entries.get(id);
    if (entry == null) {
      problems.add(
          at,
          "dangling reference "
              + Quoted.of(id)
              + " in "
              + role.get()
              + " (no "
              + expected.name().toLowerCase(Locale.ROOT)
              + " has that id)");
    } else if (entry.kind != expected) {
      problems.add(
          at,
          ""
              + Quoted.of(id)
              + " in "
              + role.get()
              + " is "
              + entry.kind.article
              + ", expected "
              + expected.article);
    }
  }
}
