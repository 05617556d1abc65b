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
    JsonNode generation = runFacets.path("heredity_generation");
    JsonNode training = runFacets.path("heredity_training");
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
        generation.isObject()
            || jobType.equals("GENERATION")
            || jobType.isEmpty()
                && !training.isObject()
                && modelInputs.size() == 1
                && dataInputs.isEmpty()
                && modelOutputs.isEmpty()
                && !dataOutputs.isEmpty();
    boolean isTraining =
        !isGeneration
            && (training.isObject()
                || jobType.equals("TRAINING")
                || jobType.isEmpty() && !modelOutputs.isEmpty() && !dataInputs.isEmpty());

    if (isGeneration) {
      String generator = generation.path("generator").asText(null);
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
      for (String d : dataOutputs) {
        draft.generated(d, generator, at);
        if (generation.path("sampling").isObject()) {
          draft.dataset(d, at).sampling = JSON.convertValue(generation.path("sampling"), MAP);
        }
      }
    } else if (isTraining) {
      String student = training.path("student").asText(null);
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
      String from = training.has("from") ? training.path("from").asText() : null;
      if (from == null && !training.isObject()) {
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
      ManifestDraft.Training t = draft.training(training.path("training").asText(job), at);
      t.student = student;
      t.from = from;
      t.method = ManifestDraft.method(training.path("method").asText(null), at);
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
      JsonNode modelFacet = facets.path("heredity_model");
      boolean model =
          modelFacet.isObject()
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
        datasetFacts(draft.dataset(name, at), facets.path("heredity_dataset"), at);
      }
    }
  }

  private static void modelFacts(
      ManifestDraft.Model m, JsonNode facet, ManifestDraft draft, SourceLocation at) {
    if (!facet.isObject()) {
      return;
    }
    m.family = facet.path("family").asText(m.family);
    JsonNode checkpoint = facet.path("checkpoint");
    m.uri = checkpoint.path("uri").asText(m.uri);
    m.revision = checkpoint.path("revision").asText(m.revision);
    m.sha256 = checkpoint.path("sha256").asText(m.sha256);
    if (checkpoint.has("path")) {
      m.checkpointPath(checkpoint.get("path"), "heredity_model.checkpoint.path", at);
    }
    for (JsonNode b : facet.path("base")) {
      m.addBase(
          b.path("model").asText(), ManifestDraft.relation(b.path("relation").asText(), at), at);
    }
    for (JsonNode t : facet.path("traits")) {
      String source = t.path("source").asText(null);
      if (source != null && !Vocabulary.TRAIT_SOURCES.contains(source)) {
        throw ManifestDraft.conflict(
            at, "unknown trait source '" + source + "' for model '" + m.id + "'");
      }
      m.addTrait(
          new Trait(
              t.path("name").asText(), source, null, null, t.path("harmful").asBoolean(false), at));
    }
    for (JsonNode g : facet.path("initGroups")) {
      draft.group(g.asText(), m.id, at);
    }
  }

  private static void datasetFacts(ManifestDraft.Dataset d, JsonNode facet, SourceLocation at) {
    if (!facet.isObject()) {
      return;
    }
    d.path = facet.path("path").asText(d.path);
    d.uri = facet.path("uri").asText(d.uri);
    d.sha256 = facet.path("sha256").asText(d.sha256);
    d.format =
        ManifestDraft.oneOf(
            "format", facet.path("format").asText(d.format), Vocabulary.FORMATS, at);
    d.modality =
        ManifestDraft.oneOf(
            "modality", facet.path("modality").asText(d.modality), Vocabulary.MODALITIES, at);
    d.reference = facet.path("reference").asText(d.reference);
    for (JsonNode f : facet.path("filters")) {
      if (!d.filters.contains(f.asText())) {
        d.filters.add(f.asText());
      }
    }
    for (JsonNode s : facet.path("derivedFrom")) {
      d.addSource(s.path("dataset").asText(), s.path("operation").asText(null), at);
    }
  }
}
