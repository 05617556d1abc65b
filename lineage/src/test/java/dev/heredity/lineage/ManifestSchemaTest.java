package dev.heredity.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.lineage.manifest.ManifestKeys;
import dev.heredity.lineage.manifest.Vocabulary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The published JSON Schema (docs/manifest-v1.schema.json) and the parser accept the same keys and values. */
class ManifestSchemaTest {
    private static JsonNode schema;

    @BeforeAll
    static void load() throws IOException {
        schema = new ObjectMapper().readTree(TestManifests.repo().resolve("docs/manifest-v1.schema.json").toFile());
    }

    private static List<String> keys(JsonNode object) {
        List<String> keys = new ArrayList<>();
        object.get("properties").fieldNames().forEachRemaining(keys::add);
        assertThat(object.get("additionalProperties").asBoolean(true)).as("unknown keys are errors").isFalse();
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
        assertThat(keys(def("model").get("properties").get("checkpoint"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.CHECKPOINT);
        assertThat(keys(def("baseEntry"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.BASE);
        assertThat(keys(def("trait"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.TRAIT);
        assertThat(keys(def("dataset"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.DATASET);
        assertThat(keys(def("dataset").get("properties").get("generatedBy").get("oneOf").get(1)))
                .containsExactlyInAnyOrderElementsOf(ManifestKeys.GENERATED_BY);
        assertThat(keys(def("derivedFromEntry"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.DERIVED);
        assertThat(keys(def("training"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.TRAINING);
        assertThat(keys(def("initGroup"))).containsExactlyInAnyOrderElementsOf(ManifestKeys.GROUP);
    }

    @Test
    void everyEnumerationMatchesTheVocabulary() {
        assertThat(values(def("baseEntry").get("properties").get("relation"))).isEqualTo(Vocabulary.RELATIONS);
        assertThat(values(def("trait").get("properties").get("source"))).isEqualTo(Vocabulary.TRAIT_SOURCES);
        assertThat(values(def("dataset").get("properties").get("format"))).isEqualTo(Vocabulary.FORMATS);
        assertThat(values(def("dataset").get("properties").get("modality"))).isEqualTo(Vocabulary.MODALITIES);
        assertThat(values(def("derivedFromEntry").get("properties").get("operation"))).isEqualTo(Vocabulary.OPERATIONS);
        assertThat(values(def("training").get("properties").get("method"))).isEqualTo(Vocabulary.METHODS);
    }

    @Test
    void requiredKeysMatch() {
        assertThat(schema.get("required").toString()).isEqualTo("[\"heredity\"]");
        assertThat(def("model").get("required").toString()).isEqualTo("[\"id\"]");
        assertThat(def("baseEntry").get("required").toString()).isEqualTo("[\"model\",\"relation\"]");
        assertThat(def("training").get("required").toString()).isEqualTo("[\"id\",\"student\"]");
        assertThat(def("initGroup").get("required").toString()).isEqualTo("[\"name\",\"members\"]");
    }
}
