package dev.heredity.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.lineage.manifest.Confidence;
import dev.heredity.lineage.manifest.IdSyntax;
import dev.heredity.lineage.manifest.ManifestKeys;
import dev.heredity.lineage.manifest.Vocabulary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published JSON Schema (docs/manifest-v1.schema.json) and the parser accept the same keys and
 * values.
 */
class ManifestSchemaTest {
  private static JsonNode schema;

  @BeforeAll
  static void load() throws IOException {
    schema =
        new ObjectMapper()
            .readTree(TestManifests.repo().resolve("docs/manifest-v1.schema.json").toFile());
  }

  private static List<String> keys(JsonNode object) {
    List<String> keys = new ArrayList<>();
    object.get("properties").fieldNames().forEachRemaining(keys::add);
    assertThat(object.get("additionalProperties").asBoolean(true))
        .as("unknown keys are errors")
        .isFalse();
    return keys;
  }

  private static List<String> values(JsonNode node) {
    List<String> values = new ArrayList<>();
    node.get("enum").forEach(v -> values.add(v.asText()));
    return values;
  }

  private static JsonNode def(String name) {
    return schema.get("$defs").get(name);
  }

  @Test
  void everyMappingAcceptsExactlyTheParsersKeys() {
    assertThat(keys(schema)).containsExactlyInAnyOrderElementsOf(ManifestKeys.TOP);
    assertThat(keys(def("model"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.MODEL);
    assertThat(keys(def("model").get("properties").get("checkpoint")))
        .containsExactlyInAnyOrderElementsOf(ManifestKeys.CHECKPOINT);
    assertThat(keys(def("baseEntry"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.BASE);
    assertThat(keys(def("trait"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.TRAIT);
    assertThat(keys(def("dataset"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.DATASET);
    assertThat(keys(def("dataset").get("properties").get("generatedBy").get("oneOf").get(1)))
        .containsExactlyInAnyOrderElementsOf(ManifestKeys.GENERATED_BY);
    assertThat(keys(def("derivedFromEntry")))
        .containsExactlyInAnyOrderElementsOf(ManifestKeys.DERIVED);
    assertThat(keys(def("training"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.TRAINING);
    assertThat(keys(def("initGroup"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.GROUP);
    assertThat(keys(def("evidence"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.EVIDENCE);
  }

  @Test
  void evidenceListsHangOffTheSameEntriesAsInTheParser() {
    for (JsonNode owner :
        List.of(
            def("model"),
            def("baseEntry"),
            def("dataset"),
            def("derivedFromEntry"),
            def("training"),
            def("dataset").get("properties").get("generatedBy").get("oneOf").get(1))) {
      assertThat(owner.get("properties").get("evidence").get("items").get("$ref").asText())
          .isEqualTo("#/$defs/evidence");
    }
    assertThat(values(def("evidence").get("properties").get("confidence")))
        .isEqualTo(Confidence.LABELS);
  }

  @Test
  void theIdPatternAcceptsWhatTheParserAccepts() {
    Pattern pattern = Pattern.compile(def("id").get("pattern").asText());
    for (String id :
        List.of(
            "Qwen/Qwen2.5-7B",
            "org/name@rev:1+x",
            "mod\u00e8le",
            "a",
            "",
            " ",
            "a b",
            "a\u0001b",
            "a\nb",
            "x'y",
            "a\\b")) {
      assertThat(pattern.matcher(id).matches()).as(id).isEqualTo(IdSyntax.isValid(id));
    }
  }

  @Test
  void everyEnumerationMatchesTheVocabulary() {
    List<String> relations = new ArrayList<>(Vocabulary.RELATIONS);
    relations.addAll(Vocabulary.RELATION_SYNONYMS.keySet());
    assertThat(values(def("baseEntry").get("properties").get("relation"))).isEqualTo(relations);
    assertThat(values(def("trait").get("properties").get("source")))
        .isEqualTo(Vocabulary.TRAIT_SOURCES);
    assertThat(values(def("dataset").get("properties").get("format")))
        .isEqualTo(Vocabulary.FORMATS);
    assertThat(values(def("dataset").get("properties").get("modality")))
        .isEqualTo(Vocabulary.MODALITIES);
    assertThat(values(def("derivedFromEntry").get("properties").get("operation")))
        .isEqualTo(Vocabulary.OPERATIONS);
    assertThat(values(def("training").get("properties").get("method")))
        .isEqualTo(Vocabulary.METHODS);
  }

  @Test
  void requiredKeysMatch() {
    assertThat(required(schema)).isEqualTo(ManifestKeys.required("manifest"));
    for (String entity :
        List.of(
            "model",
            "baseEntry",
            "trait",
            "dataset",
            "derivedFromEntry",
            "training",
            "initGroup",
            "evidence")) {
      assertThat(required(def(entity))).as(entity).isEqualTo(ManifestKeys.required(entity));
    }
    assertThat(required(def("dataset").get("properties").get("generatedBy").get("oneOf").get(1)))
        .isEqualTo(ManifestKeys.required("generatedBy"));
  }

  private static List<String> required(JsonNode object) {
    List<String> names = new ArrayList<>();
    if (object.has("required")) {
      object.get("required").forEach(n -> names.add(n.asText()));
    }
    return names;
  }
}
