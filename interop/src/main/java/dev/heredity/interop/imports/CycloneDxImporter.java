package dev.heredity.interop.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds a lineage manifest from a CycloneDX ML-BOM (JSON): {@code machine-learning-model}
 * components are models and their {@code pedigree.ancestors} their bases (relation from the {@code
 * heredity:relation} property, else {@code finetune}); {@code data} components are datasets; {@code
 * formulation} workflows whose task reads a model and writes data are generations, those that write
 * a model are trainings. The {@code heredity:*} properties Heredity writes (traits, control sets,
 * filters) are read back.
 */
public final class CycloneDxImporter {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String MODEL = "machine-learning-model";
  static final String DATA = "data";
  private static final Set<String> MODEL_READ =
      Set.of("family", "checkpoint.uri", "checkpoint.path", "trait", "initGroup");
  // Written by the exporter for people: the component's kind, its pairs and findings.
  private static final Set<String> MODEL_INFORMATIONAL = Set.of("kind", "pair", "finding");
  private static final Set<String> DATASET_READ =
      Set.of("path", "uri", "format", "modality", "reference", "filter", "generatedBy");
  private static final Set<String> DATASET_INFORMATIONAL = Set.of("kind", "finding");

  private record Located(JsonNode node, SourceLocation at) {}

  private CycloneDxImporter() {}

  public static Manifest read(Path file) {
    ManifestDraft draft = new ManifestDraft(file);
    List<Located> components = new ArrayList<>();
    List<Located> workflows = new ArrayList<>();
    try (JsonParser parser = JSON.getFactory().createParser(file.toFile())) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidManifestException(
            draft.at(1, 1).format("not a CycloneDX BOM (expected a JSON object)"));
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("components") && value == JsonToken.START_ARRAY) {
          collect(parser, draft, components);
        } else if (field.equals("formulation") && value == JsonToken.START_ARRAY) {
          List<Located> formulas = new ArrayList<>();
          collect(parser, draft, formulas);
          for (Located formula : formulas) {
            formula
                .node()
                .path("workflows")
                .forEach(w -> workflows.add(new Located(w, formula.at())));
          }
        } else {
          parser.skipChildren();
        }
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      int column = e.getLocation() == null ? 1 : e.getLocation().getColumnNr();
      throw new InvalidManifestException(
          draft
              .at(Math.max(1, line), Math.max(1, column))
              .format("syntax error: " + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> idByRef = new HashMap<>();
    Map<String, String> typeById = new HashMap<>();
    for (Located c : components) {
      String name = name(c);
      idByRef.put(c.node().path("bom-ref").asText(name), name);
      typeById.put(name, c.node().path("type").asText());
    }
    boolean anyTraining = false;
    for (Located w : workflows) {
      anyTraining |= workflow(draft, w, idByRef, typeById);
    }
    for (Located c : components) {
      String type = c.node().path("type").asText();
      if (type.equals(MODEL)) {
        model(draft, c, idByRef);
      } else if (type.equals(DATA)) {
        dataset(draft, c, idByRef);
      }
    }
    if (!anyTraining) {
      trainingsFromModelCards(draft, components, idByRef);
    }
    return draft.build();
  }

  private static void collect(JsonParser parser, ManifestDraft draft, List<Located> out)
      throws IOException {
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      var location = parser.currentTokenLocation();
      out.add(
          new Located(
              JSON.readTree(parser), draft.at(location.getLineNr(), location.getColumnNr())));
    }
  }

  private static String name(Located c) {
    String name = c.node().path("name").asText("");
    if (name.isBlank()) {
      throw new InvalidManifestException(c.at().format("component has no name"));
    }
    return name;
  }

  private static void model(ManifestDraft draft, Located c, Map<String, String> idByRef) {
    ManifestDraft.Model m = draft.model(name(c), c.at());
    JsonNode node = c.node();
    m.revision = node.path("version").asText(m.revision);
    m.sha256 = sha256(node, m.sha256);
    for (HeredityProperties.Entry p :
        HeredityProperties.of(node, "model", m.id, MODEL_READ, MODEL_INFORMATIONAL, c.at())) {
      String value = p.text();
      switch (p.name()) {
        case "family" -> m.family = value;
        case "checkpoint.uri" -> m.uri = value;
        case "checkpoint.path" -> m.checkpointPath(p.value(), "heredity:checkpoint.path", c.at());
        case "trait" -> {
          Trait t = traitOf(value, c.at());
          if (t.source() != null && !Vocabulary.TRAIT_SOURCES.contains(t.source())) {
            throw ManifestDraft.conflict(
                c.at(), "unknown trait source '" + t.source() + "' for model '" + m.id + "'");
          }
          m.addTrait(t);
        }
        case "initGroup" -> draft.group(value, m.id, c.at());
        default -> throw new IllegalStateException("read but not handled: " + p.name());
      }
    }
    String method = property(node.path("modelCard"), "heredity:method");
    if (method != null) {
      draft.trainingOf(m.id).ifPresent(t -> t.method = ManifestDraft.method(method, c.at()));
    }
    for (JsonNode a : node.path("pedigree").path("ancestors")) {
      String parent = ancestorId(a, idByRef, c.at());
      String relation = property(a, "heredity:relation");
      Relation r = relation == null ? Relation.FINETUNE : ManifestDraft.relation(relation, c.at());
      boolean fromTraining = draft.trainingFrom(m.id, parent) && r.isTrainingRelation();
      if (!fromTraining) {
        m.addBase(parent, r, c.at());
      }
    }
  }

  private static void dataset(ManifestDraft draft, Located c, Map<String, String> idByRef) {
    ManifestDraft.Dataset d = draft.dataset(name(c), c.at());
    JsonNode node = c.node();
    d.sha256 = sha256(node, d.sha256);
    for (HeredityProperties.Entry p :
        HeredityProperties.of(node, "dataset", d.id, DATASET_READ, DATASET_INFORMATIONAL, c.at())) {
      String value = p.text();
      switch (p.name()) {
        case "path" -> d.path = value;
        case "uri" -> d.uri = value;
        case "format" ->
            d.format = ManifestDraft.oneOf("format", value, Vocabulary.FORMATS, c.at());
        case "modality" ->
            d.modality = ManifestDraft.oneOf("modality", value, Vocabulary.MODALITIES, c.at());
        case "reference" -> d.reference = value;
        case "filter" -> d.filters.add(value);
        case "generatedBy" -> draft.generated(d.id, value, c.at());
        default -> throw new IllegalStateException("read but not handled: " + p.name());
      }
    }
    for (JsonNode a : node.path("pedigree").path("ancestors")) {
      d.addSource(ancestorId(a, idByRef, c.at()), property(a, "heredity:operation"), c.at());
    }
  }

  /** Generation and training workflows; true when one was a training. */
  private static boolean workflow(
      ManifestDraft draft, Located w, Map<String, String> idByRef, Map<String, String> typeById) {
    boolean training = false;
    for (JsonNode task : w.node().path("tasks")) {
      List<String> inputs = refs(task.path("inputs"), idByRef);
      List<String> outputs = refs(task.path("outputs"), idByRef);
      String activity = property(task, "heredity:activity");
      List<String> modelInputs =
          inputs.stream().filter(i -> MODEL.equals(typeById.get(i))).toList();
      List<String> dataInputs = inputs.stream().filter(i -> !modelInputs.contains(i)).toList();
      List<String> modelOutputs =
          outputs.stream().filter(o -> MODEL.equals(typeById.get(o))).toList();
      if ("generation".equals(activity)
          || activity == null && modelOutputs.isEmpty() && modelInputs.size() == 1) {
        if (modelInputs.size() != 1) {
          throw ManifestDraft.conflict(
              w.at(),
              "generation workflow '"
                  + w.node().path("name").asText()
                  + "' reads "
                  + modelInputs.size()
                  + " models, expected exactly one");
        }
        outputs.forEach(o -> draft.generated(o, modelInputs.get(0), w.at()));
      } else if ("training".equals(activity) || activity == null && modelOutputs.size() == 1) {
        if (modelOutputs.size() != 1 || modelInputs.size() > 1) {
          throw ManifestDraft.conflict(
              w.at(),
              "training workflow '"
                  + w.node().path("name").asText()
                  + "' must write one model and read at most one, found "
                  + modelOutputs.size()
                  + " and "
                  + modelInputs.size());
        }
        String id = w.node().path("name").asText(w.node().path("bom-ref").asText());
        ManifestDraft.Training t = draft.training(id, w.at());
        t.student = modelOutputs.get(0);
        t.from = modelInputs.isEmpty() ? null : modelInputs.get(0);
        t.datasets.addAll(dataInputs);
        training = true;
      }
    }
    return training;
  }

  /**
   * A BOM without formulation: a model card's datasets make a training from the model's one
   * non-distill ancestor.
   */
  private static void trainingsFromModelCards(
      ManifestDraft draft, List<Located> components, Map<String, String> idByRef) {
    for (Located c : components) {
      JsonNode datasets = c.node().path("modelCard").path("modelParameters").path("datasets");
      if (!c.node().path("type").asText().equals(MODEL) || datasets.isEmpty()) {
        continue;
      }
      ManifestDraft.Model m = draft.model(name(c), c.at());
      var starts = m.base.stream().filter(b -> b.relation().isTrainingRelation()).toList();
      ManifestDraft.Training t = draft.training("train-" + m.id, c.at());
      t.student = m.id;
      if (starts.size() == 1) {
        t.from = starts.get(0).model();
        m.base.remove(starts.get(0));
      }
      for (JsonNode d : datasets) {
        String ref = d.path("ref").asText(null);
        if (ref != null) {
          t.datasets.add(idByRef.getOrDefault(ref, ref));
        }
      }
      t.method =
          ManifestDraft.method(property(c.node().path("modelCard"), "heredity:method"), c.at());
    }
  }

  private static List<String> refs(JsonNode list, Map<String, String> idByRef) {
    List<String> out = new ArrayList<>();
    for (JsonNode item : list) {
      String ref = item.path("resource").path("ref").asText(null);
      if (ref != null) {
        out.add(idByRef.getOrDefault(ref, ref));
      }
    }
    return out;
  }

  private static String ancestorId(
      JsonNode ancestor, Map<String, String> idByRef, SourceLocation at) {
    String ref = property(ancestor, "heredity:ref");
    if (ref != null) {
      return idByRef.getOrDefault(ref, ref);
    }
    String name = ancestor.path("name").asText("");
    if (name.isBlank()) {
      throw ManifestDraft.conflict(at, "an ancestor in the pedigree has no name");
    }
    return name;
  }

  private static String sha256(JsonNode component, String fallback) {
    for (JsonNode h : component.path("hashes")) {
      if (h.path("alg").asText().equals("SHA-256")) {
        return h.path("content").asText();
      }
    }
    return fallback;
  }

  private static String property(JsonNode node, String name) {
    for (JsonNode p : node.path("properties")) {
      if (p.path("name").asText().equals(name)) {
        return p.path("value").asText();
      }
    }
    return null;
  }

  private static Trait traitOf(String value, SourceLocation at) {
    String[] parts = value.split(";");
    String source = null;
    boolean harmful = false;
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.startsWith("source=")) {
        source = part.substring("source=".length());
      } else if (part.equals("harmful=true")) {
        harmful = true;
      }
    }
    return new Trait(parts[0].trim(), source, null, null, harmful, at);
  }
}
