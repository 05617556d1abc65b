package dev.heredity.interop.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.Relation;
import dev.heredity.lineage.manifest.Trait;
import dev.heredity.lineage.manifest.Vocabulary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a lineage manifest from an OpenLineage event log (JSON Lines: one RunEvent a line, as a
 * file transport or Marquez export writes it). Datasets whose {@code datasetType} facet says {@code
 * MODEL} (or that carry {@code heredity_model}) are models. A run is a generation when it has the
 * {@code heredity_generation} facet or job type {@code GENERATION}, or (convention for logs from
 * other producers) when it reads exactly one model and no dataset and writes datasets; it is a
 * training when it has {@code heredity_training}, job type {@code TRAINING}, or reads datasets and
 * writes a model; otherwise a derivation. Runs with a FAIL or ABORT event produced nothing and are
 * skipped. Any other problem is an error at {@code file:line:1}.
 */
public final class OpenLineageImporter {
  /** A log line longer than this is refused rather than read into memory. */
  static final int MAX_LINE_BYTES = 16 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenLineageImporter() {}

  public static Manifest read(Path file) {
    // Two passes, so memory holds the lineage, not the log: first the runs that failed, then the
    // rest.
    Set<String> failed = new LinkedHashSet<>();
    forEachEvent(
        file,
        (event, runId, at) -> {
          String type = event.path("eventType").asText("COMPLETE").toUpperCase(Locale.ROOT);
          if (type.equals("FAIL") || type.equals("ABORT")) {
            failed.add(runId);
          }
        });
    ManifestDraft draft = new ManifestDraft(file);
    forEachEvent(
        file,
        (event, runId, at) -> {
          if (!failed.contains(runId)) {
            apply(draft, event, at);
          }
        });
    return draft.build();
  }

  private interface EventHandler {
    void handle(JsonNode event, String runId, SourceLocation at);
  }

  private static void forEachEvent(Path file, EventHandler handler) {
    try (Utf8Lines lines = new Utf8Lines(file, MAX_LINE_BYTES)) {
      String text;
      while ((text = lines.next()) != null) {
        if (text.isBlank()) {
          continue;
        }
        SourceLocation at = new SourceLocation(file, lines.line(), 1);
        JsonNode event = parse(text, at);
        String runId = text(event.path("run"), "runId", at, "run.runId");
        text(event.path("job"), "name", at, "job.name");
        handler.handle(event, runId, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String text, SourceLocation at) {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || !node.isObject()) {
        throw new InvalidManifestException(
            at.format("not an OpenLineage event (expected a JSON object)"));
      }
      return node;
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNr());
      throw new InvalidManifestException(
          new SourceLocation(at.file(), at.line(), column).format("syntax error: " + message));
    }
  }

  private static String text(JsonNode parent, String field, SourceLocation at, String path) {
    JsonNode value = parent.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new InvalidManifestException(
          at.format("not an OpenLineage run event: '" + path + "' is missing or not a string"));
    }
    return value.asText();
  }

  private static void apply(ManifestDraft draft, JsonNode event, SourceLocation at) {
    List<String> modelInputs = new ArrayList<>();
    List<String> dataInputs = new ArrayList<>();
    List<String> modelOutputs = new ArrayList<>();
    List<String> dataOutputs = new ArrayList<>();
    declare(draft, event.path("inputs"), at, "inputs", modelInputs, dataInputs);
    declare(draft, event.path("outputs"), at, "outputs", modelOutputs, dataOutputs);

    JsonNode runFacets = event.path("run").path("facets");
    FacetReader generation =
        FacetReader.facet(runFacets, "heredity_generation", at, "generator", "sampling");
    FacetReader training =
        FacetReader.facet(
            runFacets, "heredity_training", at, "training", "student", "from", "method");
    String jobType =
        event
            .path("job")
            .path("facets")
            .path("jobType")
            .path("jobType")
            .asText("")
            .toUpperCase(Locale.ROOT);
    String job = event.path("job").path("name").asText();
    boolean isGeneration =
        generation != null
            || jobType.equals("GENERATION")
            || jobType.isEmpty()
                && training == null
                && modelInputs.size() == 1
                && dataInputs.isEmpty()
                && modelOutputs.isEmpty()
                && !dataOutputs.isEmpty();
    boolean isTraining =
        !isGeneration
            && (training != null
                || jobType.equals("TRAINING")
                || jobType.isEmpty() && !modelOutputs.isEmpty() && !dataInputs.isEmpty());

    if (isGeneration) {
      String generator = generation == null ? null : generation.text("generator");
      if (generator == null) {
        if (modelInputs.size() != 1) {
          throw ManifestDraft.conflict(
              at,
              "generation run '"
                  + job
                  + "' reads "
                  + modelInputs.size()
                  + " models; name the generator in a heredity_generation facet");
        }
        generator = modelInputs.get(0);
      }
      JsonNode sampling = generation == null ? null : generation.raw("sampling");
      if (sampling != null && !sampling.isObject()) {
        throw ManifestDraft.conflict(
            at, "'heredity_generation.sampling' must be an object, got " + sampling);
      }
      for (String d : dataOutputs) {
        draft.generated(d, generator, at);
        if (sampling != null) {
          draft.dataset(d, at).sampling = JSON.convertValue(sampling, MAP);
        }
      }
    } else if (isTraining) {
      String student = training == null ? null : training.text("student");
      if (student == null) {
        if (modelOutputs.size() != 1) {
          throw ManifestDraft.conflict(
              at,
              "training run '"
                  + job
                  + "' writes "
                  + modelOutputs.size()
                  + " models; name the student in a heredity_training facet");
        }
        student = modelOutputs.get(0);
      }
      String from = training == null ? null : training.text("from");
      if (training == null) {
        if (modelInputs.size() > 1) {
          throw ManifestDraft.conflict(
              at,
              "training run '"
                  + job
                  + "' reads "
                  + modelInputs.size()
                  + " models; name the starting checkpoint ('from') in a heredity_training facet");
        }
        from = modelInputs.isEmpty() ? null : modelInputs.get(0);
      }
      String id = training == null ? null : training.text("training");
      ManifestDraft.Training t = draft.training(id == null ? job : id, at);
      t.student = student;
      t.from = from;
      t.method = ManifestDraft.method(training == null ? null : training.text("method"), at);
      t.datasets.addAll(dataInputs);
      draft.model(student, at);
    } else {
      for (String m : modelOutputs) {
        ManifestDraft.Model model = draft.model(m, at);
        if (model.base.isEmpty()) {
          // No heredity_model facet said how: a model written from models keeps their weights.
          modelInputs.forEach(parent -> model.addBase(parent, Relation.FINETUNE, at));
        }
      }
      for (String d : dataOutputs) {
        ManifestDraft.Dataset dataset = draft.dataset(d, at);
        if (dataset.derivedFrom.isEmpty()) {
          dataInputs.forEach(source -> dataset.addSource(source, null, at));
        }
      }
    }
  }

  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** Registers each dataset of {@code list} as a model or dataset, with what its facets say. */
  private static void declare(
      ManifestDraft draft,
      JsonNode list,
      SourceLocation at,
      String field,
      List<String> models,
      List<String> datasets) {
    if (list.isMissingNode() || list.isNull()) {
      return;
    }
    if (!list.isArray()) {
      throw ManifestDraft.conflict(at, "'" + field + "' must be an array");
    }
    for (JsonNode ds : list) {
      String name = text(ds, "name", at, field + "[].name");
      JsonNode facets = ds.path("facets");
      FacetReader modelFacet =
          FacetReader.facet(
              facets, "heredity_model", at, "family", "checkpoint", "base", "traits", "initGroups");
      boolean model =
          modelFacet != null
              || facets
                  .path("datasetType")
                  .path("datasetType")
                  .asText("")
                  .equalsIgnoreCase("MODEL");
      if (model) {
        models.add(name);
        modelFacts(draft.model(name, at), modelFacet, draft, at);
      } else {
        datasets.add(name);
        datasetFacts(
            draft.dataset(name, at),
            FacetReader.facet(
                facets,
                "heredity_dataset",
                at,
                "path",
                "uri",
                "sha256",
                "format",
                "modality",
                "reference",
                "filters",
                "derivedFrom"),
            at);
      }
    }
  }

  private static void modelFacts(
      ManifestDraft.Model m, FacetReader facet, ManifestDraft draft, SourceLocation at) {
    if (facet == null) {
      return;
    }
    m.family = orElse(facet.text("family"), m.family);
    FacetReader checkpoint = facet.object("checkpoint", "uri", "revision", "sha256", "path");
    if (checkpoint != null) {
      m.uri = orElse(checkpoint.text("uri"), m.uri);
      m.revision = orElse(checkpoint.text("revision"), m.revision);
      m.sha256 = orElse(checkpoint.text("sha256"), m.sha256);
      // An explicit null is a value, and not a path: the same error as a number or "".
      JsonNode path = checkpoint.field("path");
      if (path != null) {
        m.checkpointPath(path, "heredity_model.checkpoint.path", at);
      }
    }
    for (FacetReader b : facet.objects("base", "model", "relation")) {
      m.addBase(
          b.requiredText("model"), ManifestDraft.relation(b.requiredText("relation"), at), at);
    }
    for (FacetReader t : facet.objects("traits", "name", "source", "harmful")) {
      String source = t.text("source");
      if (source != null && !Vocabulary.TRAIT_SOURCES.contains(source)) {
        throw ManifestDraft.conflict(
            at, "unknown trait source '" + source + "' for model '" + m.id + "'");
      }
      m.addTrait(
          new Trait(t.requiredText("name"), source, null, null, t.bool("harmful", false), at));
    }
    for (String g : facet.texts("initGroups")) {
      draft.group(g, m.id, at);
    }
  }

  private static void datasetFacts(ManifestDraft.Dataset d, FacetReader facet, SourceLocation at) {
    if (facet == null) {
      return;
    }
    d.path = orElse(facet.text("path"), d.path);
    d.uri = orElse(facet.text("uri"), d.uri);
    d.sha256 = orElse(facet.text("sha256"), d.sha256);
    d.format =
        ManifestDraft.oneOf(
            "format", orElse(facet.text("format"), d.format), Vocabulary.FORMATS, at);
    d.modality =
        ManifestDraft.oneOf(
            "modality", orElse(facet.text("modality"), d.modality), Vocabulary.MODALITIES, at);
    d.reference = orElse(facet.text("reference"), d.reference);
    for (String f : facet.texts("filters")) {
      if (!d.filters.contains(f)) {
        d.filters.add(f);
      }
    }
    for (FacetReader source : facet.objects("derivedFrom", "dataset", "operation")) {
      d.addSource(source.requiredText("dataset"), source.text("operation"), at);
    }
  }

  private static String orElse(String value, String previous) {
    return value == null ? previous : value;
  }
}
