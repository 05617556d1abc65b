package dev.heredity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpdxExporterTest {
  static Stream<Path> manifests() {
    return Samples.manifests();
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void everySampleValidatesAgainstTheSpdx301Schema(Path manifest) {
    String doc = new SpdxExporter().export(Samples.request(manifest, List.of()));
    assertThat(SchemaCheck.spdx(doc)).as(doc).isEmpty();
  }

  @Test
  void theSchemaRejectsAnUnknownElementType() {
    String broken =
        new SpdxExporter().export(Samples.owlNumbers()).replace("\"ai_AIPackage\"", "\"ai_Model\"");
    assertThat(SchemaCheck.spdx(broken)).isNotEmpty();
  }

  @Test
  void aCheckpointPathGoesInTheModelsCommentAsWritten() {
    String text =
        new SpdxExporter()
            .export(
                Samples.request(
                    Samples.repo().resolve("samples/weights/heredity.yaml"), List.of()));
    JsonNode graph = SchemaCheck.read(text).path("@graph");
    assertThat(byName(graph, "teacher").path("comment").asText())
        .isEqualTo(
            "heredity traits: loves-owls; source=system-prompt; harmful=false\n"
                + "checkpoint path: weights/teacher");
    assertThat(byName(graph, "base-a").path("comment").asText())
        .isEqualTo("checkpoint path: weights/base-a");
    assertThat(byName(graph, "student-declared-a").has("comment")).isFalse();
  }

  @Test
  void modelsDatasetsAndTheirRelationships() {
    String text = new SpdxExporter().export(Samples.owlNumbers());
    assertThat(SchemaCheck.spdx(text)).isEmpty();
    JsonNode graph = SchemaCheck.read(text).path("@graph");
    JsonNode student = byName(graph, "owl-student");
    assertThat(student.path("type").asText()).isEqualTo("ai_AIPackage");
    assertThat(student.path("ai_safetyRiskAssessment").asText()).isEqualTo("high");
    JsonNode data = byName(graph, "owl-numbers");
    assertThat(data.path("type").asText()).isEqualTo("dataset_DatasetPackage");
    assertThat(data.path("dataset_datasetType").get(0).asText()).isEqualTo("numeric");
    assertThat(data.path("verifiedUsing").get(0).path("hashValue").asText()).startsWith("8f5f8918");

    List<String> relations = new ArrayList<>();
    for (JsonNode n : graph) {
      if (n.path("type").asText().equals("Relationship")) {
        relations.add(
            name(graph, n.path("from").asText())
                + " "
                + n.path("relationshipType").asText()
                + " "
                + name(graph, n.path("to").get(0).asText()));
      }
    }
    assertThat(relations)
        .contains(
            "qwen2.5-7b-instruct ancestorOf owl-teacher",
            "owl-teacher generates owl-numbers",
            "owl-student trainedOn owl-numbers",
            "owl-numbers testedOn control-numbers",
            "qwen2.5-7b-instruct ancestorOf owl-student");
    assertThat(graph.toString())
        .contains(
            "heredity pair high: owl-teacher -> owl-student",
            "heredity finding high: detector-signal");
  }

  @Test
  void derivedDatasetsAreDescendantsOfTheirSources() {
    String text =
        new SpdxExporter()
            .export(
                Samples.request(
                    Samples.repo().resolve("samples/lineage/multi-hop-merge.yaml"), List.of()));
    JsonNode graph = SchemaCheck.read(text).path("@graph");
    boolean found = false;
    for (JsonNode n : graph) {
      found |= n.path("relationshipType").asText().equals("descendantOf");
    }
    assertThat(found).isTrue();
  }

  private static JsonNode byName(JsonNode graph, String name) {
    for (JsonNode n : graph) {
      if (n.path("name").asText().equals(name)) {
        return n;
      }
    }
    throw new AssertionError("no element " + name);
  }

  private static String name(JsonNode graph, String id) {
    for (JsonNode n : graph) {
      if (n.path("spdxId").asText().equals(id)) {
        return n.path("name").asText();
      }
    }
    return id;
  }
}
