package dev.heredity.lineage.manifest;

import static dev.heredity.lineage.manifest.Field.optional;
import static dev.heredity.lineage.manifest.Field.required;

import dev.heredity.lineage.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every key of manifest v1, declared once per kind of mapping (name, value type, required, reader),
 * and the entries the readers fill. {@link ManifestKeys}, the parser's messages and the schema test
 * all read these tables.
 */
final class ManifestFields {
  private ManifestFields() {}

  static final class Top {
    int version;
    final List<ModelSpec> models = new ArrayList<>();
    final List<DatasetSpec> datasets = new ArrayList<>();
    final List<TrainingSpec> trainings = new ArrayList<>();
    final List<InitGroup> groups = new ArrayList<>();
    final List<DiscoverFolder> discover = new ArrayList<>();
  }

  static final class Model {
    String id;
    String family;
    String description;
    Checkpoint checkpoint;
    boolean external;
    final List<BaseRef> base = new ArrayList<>();
    final List<Trait> traits = new ArrayList<>();
    List<Evidence> evidence = List.of();

    ModelSpec build(SourceLocation at, Map<String, SourceLocation> seen) {
      return id == null
          ? null
          : new ModelSpec(
              id,
              family,
              checkpoint,
              base,
              traits,
              description,
              true,
              at,
              seen,
              external,
              evidence);
    }
  }

  static final class CheckpointEntry {
    String uri;
    String path;
    String revision;
    String sha256;
  }

  static final class Base {
    String model;
    Relation relation;
    List<Evidence> evidence = List.of();
  }

  static final class TraitEntry {
    String name;
    String source;
    String text;
    String evidence;
    boolean harmful;
  }

  static final class Dataset {
    String id;
    String path;
    String uri;
    String sha256;
    String format;
    String modality;
    String reference;
    String description;
    String field;
    String promptField;
    String split;
    Integer sample;
    final GeneratedBy generatedBy = new GeneratedBy();
    final List<DerivedFrom> derivedFrom = new ArrayList<>();
    final List<String> filters = new ArrayList<>();
    List<Evidence> evidence = List.of();

    DatasetSpec build(SourceLocation at, Map<String, SourceLocation> seen, Path resolved) {
      if (id == null) {
        return null;
      }
      if (generatedBy.modelAt != null) {
        seen.put("generatedBy", generatedBy.modelAt);
      }
      return new DatasetSpec(
          id,
          path,
          uri,
          sha256,
          format,
          modality,
          generatedBy.model,
          generatedBy.sampling,
          reference,
          derivedFrom,
          filters,
          description,
          resolved,
          at,
          seen,
          generatedBy.evidence,
          evidence,
          field,
          promptField,
          split,
          sample);
    }
  }

  static final class GeneratedBy {
    String model;
    SourceLocation modelAt;
    final Map<String, Object> sampling = new LinkedHashMap<>();
    List<Evidence> evidence = List.of();
  }

  static final class Derived {
    String dataset;
    String operation;
    List<Evidence> evidence = List.of();
  }

  static final class Training {
    String id;
    String student;
    String from;
    String method;
    String description;
    final List<String> datasets = new ArrayList<>();
    final Map<String, SourceLocation> locations = new LinkedHashMap<>();
    List<Evidence> evidence = List.of();
  }

  static final class Group {
    String name;
    String evidence;
    final List<String> members = new ArrayList<>();
    final Map<String, SourceLocation> locations = new LinkedHashMap<>();
  }

  static final class EvidenceEntry {
    String source;
    String at;
    Confidence confidence;
  }

  static final FieldTable<Top> TOP =
      FieldTable.of(
          "the manifest",
          "the manifest",
          required(
              "heredity", ValueType.VERSION, (p, e, key, at) -> e.version = p.version(key, at)),
          optional(
              "models",
              ValueType.LIST,
              (p, e, key, at) -> e.models.addAll(p.entries(key, p::model))),
          optional(
              "datasets",
              ValueType.LIST,
              (p, e, key, at) -> e.datasets.addAll(p.entries(key, p::dataset))),
          optional(
              "trainings",
              ValueType.LIST,
              (p, e, key, at) -> e.trainings.addAll(p.entries(key, p::training))),
          optional(
              "initGroups",
              ValueType.LIST,
              (p, e, key, at) -> e.groups.addAll(p.entries(key, p::initGroup))),
          optional("description", ValueType.STRING, (p, e, key, at) -> p.text(key)),
          optional(
              "discover",
              ValueType.LIST,
              (p, e, key, at) -> e.discover.addAll(p.discoverFolders(key))));

  static final FieldTable<Model> MODEL =
      FieldTable.of(
          "a model",
          "model",
          required("id", ValueType.ID, (p, e, key, at) -> e.id = p.id(key)),
          optional("family", ValueType.STRING, (p, e, key, at) -> e.family = p.text(key)),
          optional(
              "checkpoint", ValueType.MAPPING, (p, e, key, at) -> e.checkpoint = p.checkpoint(at)),
          optional(
              "base", ValueType.LIST, (p, e, key, at) -> e.base.addAll(p.entries(key, p::baseRef))),
          optional(
              "traits",
              ValueType.LIST,
              (p, e, key, at) -> e.traits.addAll(p.entries(key, p::trait))),
          optional("description", ValueType.STRING, (p, e, key, at) -> e.description = p.text(key)),
          optional("external", ValueType.BOOLEAN, (p, e, key, at) -> e.external = p.bool()),
          optional("evidence", ValueType.LIST, (p, e, key, at) -> e.evidence = p.evidence(key)));

  static final FieldTable<CheckpointEntry> CHECKPOINT =
      FieldTable.of(
          "a checkpoint",
          "checkpoint",
          optional("uri", ValueType.STRING, (p, e, key, at) -> e.uri = p.text(key)),
          optional("path", ValueType.STRING, (p, e, key, at) -> e.path = p.text(key)),
          optional("revision", ValueType.SCALAR, (p, e, key, at) -> e.revision = p.scalarText(key)),
          optional("sha256", ValueType.SCALAR, (p, e, key, at) -> e.sha256 = p.sha256(key, at)));

  static final FieldTable<Base> BASE =
      FieldTable.of(
          "a base entry",
          "base entry",
          required("model", ValueType.ID, (p, e, key, at) -> e.model = p.id(key)),
          required(
              "relation", ValueType.STRING, (p, e, key, at) -> e.relation = p.relation(key, at)),
          optional("evidence", ValueType.LIST, (p, e, key, at) -> e.evidence = p.evidence(key)));

  static final FieldTable<TraitEntry> TRAIT =
      FieldTable.of(
          "a trait",
          "trait",
          required("name", ValueType.STRING, (p, e, key, at) -> e.name = p.text(key)),
          optional(
              "source",
              ValueType.STRING,
              (p, e, key, at) -> e.source = p.choice(key, at, Vocabulary.TRAIT_SOURCES)),
          optional("text", ValueType.STRING, (p, e, key, at) -> e.text = p.text(key)),
          optional("evidence", ValueType.STRING, (p, e, key, at) -> e.evidence = p.text(key)),
          optional("harmful", ValueType.BOOLEAN, (p, e, key, at) -> e.harmful = p.bool()));

  static final FieldTable<Dataset> DATASET =
      FieldTable.of(
          "a dataset",
          "dataset",
          required("id", ValueType.ID, (p, e, key, at) -> e.id = p.id(key)),
          optional("path", ValueType.STRING, (p, e, key, at) -> e.path = p.text(key)),
          optional("uri", ValueType.STRING, (p, e, key, at) -> e.uri = p.text(key)),
          optional("sha256", ValueType.SCALAR, (p, e, key, at) -> e.sha256 = p.sha256(key, at)),
          optional(
              "format",
              ValueType.STRING,
              (p, e, key, at) -> e.format = p.choice(key, at, Vocabulary.FORMATS)),
          optional(
              "modality",
              ValueType.STRING,
              (p, e, key, at) -> e.modality = p.choice(key, at, Vocabulary.MODALITIES)),
          optional(
              "generatedBy",
              ValueType.ID_OR_MAPPING,
              (p, e, key, at) -> p.generatedBy(key, at, e.generatedBy)),
          optional("reference", ValueType.ID, (p, e, key, at) -> e.reference = p.id(key)),
          optional(
              "derivedFrom",
              ValueType.LIST,
              (p, e, key, at) -> e.derivedFrom.addAll(p.entries(key, p::derivedFrom))),
          optional("filters", ValueType.LIST, (p, e, key, at) -> e.filters.addAll(p.texts(key))),
          optional("description", ValueType.STRING, (p, e, key, at) -> e.description = p.text(key)),
          optional("evidence", ValueType.LIST, (p, e, key, at) -> e.evidence = p.evidence(key)),
          optional("field", ValueType.STRING, (p, e, key, at) -> e.field = p.text(key)),
          optional("promptField", ValueType.STRING, (p, e, key, at) -> e.promptField = p.text(key)),
          optional("split", ValueType.STRING, (p, e, key, at) -> e.split = p.text(key)),
          optional("sample", ValueType.COUNT, (p, e, key, at) -> e.sample = p.count(key, at)));

  static final FieldTable<GeneratedBy> GENERATED_BY =
      FieldTable.of(
          "generatedBy",
          "generatedBy",
          required(
              "model",
              ValueType.ID,
              (p, e, key, at) -> {
                e.modelAt = at;
                e.model = p.id(key);
              }),
          Field.<GeneratedBy>optional(
                  "sampling",
                  ValueType.MAPPING,
                  (p, e, key, at) -> e.sampling.putAll(p.freeForm(key)))
              .withExample("{temperature: 1.0}"),
          optional("evidence", ValueType.LIST, (p, e, key, at) -> e.evidence = p.evidence(key)));

  static final FieldTable<Derived> DERIVED =
      FieldTable.of(
          "a derivedFrom entry",
          "derivedFrom entry",
          required("dataset", ValueType.ID, (p, e, key, at) -> e.dataset = p.id(key)),
          optional(
              "operation",
              ValueType.STRING,
              (p, e, key, at) -> e.operation = p.choice(key, at, Vocabulary.OPERATIONS)),
          optional("evidence", ValueType.LIST, (p, e, key, at) -> e.evidence = p.evidence(key)));

  static final FieldTable<Training> TRAINING =
      FieldTable.of(
          "a training",
          "training",
          required("id", ValueType.ID, (p, e, key, at) -> e.id = p.id(key)),
          required("student", ValueType.ID, (p, e, key, at) -> e.student = p.id(key)),
          optional("from", ValueType.ID, (p, e, key, at) -> e.from = p.id(key)),
          optional(
              "datasets",
              ValueType.LIST,
              (p, e, key, at) -> e.datasets.addAll(p.ids(key, e.locations))),
          optional(
              "method",
              ValueType.STRING,
              (p, e, key, at) -> e.method = p.choice(key, at, Vocabulary.METHODS)),
          optional("description", ValueType.STRING, (p, e, key, at) -> e.description = p.text(key)),
          optional("evidence", ValueType.LIST, (p, e, key, at) -> e.evidence = p.evidence(key)));

  static final FieldTable<Group> GROUP =
      FieldTable.of(
          "an init group",
          "init group",
          required("name", ValueType.STRING, (p, e, key, at) -> e.name = p.text(key)),
          required(
              "members",
              ValueType.LIST,
              (p, e, key, at) -> e.members.addAll(p.ids(key, e.locations))),
          optional("evidence", ValueType.STRING, (p, e, key, at) -> e.evidence = p.text(key)),
          optional("description", ValueType.STRING, (p, e, key, at) -> p.text(key)));

  static final FieldTable<EvidenceEntry> EVIDENCE =
      FieldTable.of(
          "an evidence entry",
          "evidence entry",
          required("source", ValueType.STRING, (p, e, key, at) -> e.source = p.text(key)),
          optional("at", ValueType.SCALAR, (p, e, key, at) -> e.at = p.scalarText(key)),
          required(
              "confidence",
              ValueType.STRING,
              (p, e, key, at) -> {
                String label = p.choice(key, at, Confidence.LABELS);
                e.confidence = label == null ? null : Confidence.of(label);
              }));
}
