package dev.heredity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CycloneDxExporterTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> manifests() {
    return Samples.manifests();
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void everySampleValidatesAgainstTheCycloneDx16Schema(Path manifest) throws Exception {
    String bom = new CycloneDxExporter().export(Samples.request(manifest, List.of()));
    assertThat(new JsonParser().validate(bom.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
        .as(bom)
        .isEmpty();
  }

  @Test
  void modelsCarryModelCardsAncestorsAndTheRiskyPair() throws Exception {
    String text = new CycloneDxExporter().export(Samples.owlNumbers());
    assertThat(new JsonParser().validate(text.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
        .isEmpty();
    JsonNode bom = JSON.readTree(text);
    assertThat(bom.path("specVersion").asText()).isEqualTo("1.6");
    JsonNode teacher = component(bom, "model:owl-teacher");
    assertThat(teacher.path("type").asText()).isEqualTo("machine-learning-model");
    assertThat(teacher.has("modelCard")).isTrue();
    JsonNode ancestor = teacher.path("pedigree").path("ancestors").get(0);
    assertThat(ancestor.path("name").asText()).isEqualTo("qwen2.5-7b-instruct");
    assertThat(properties(ancestor)).contains("heredity:relation=prompted");
    assertThat(properties(teacher))
        .contains("heredity:trait=loves-owls; source=system-prompt; harmful=false");

    JsonNode student = component(bom, "model:owl-student");
    assertThat(
            student
                .path("modelCard")
                .path("modelParameters")
                .path("datasets")
                .get(0)
                .path("ref")
                .asText())
        .isEqualTo("dataset:owl-numbers");
    assertThat(
            student
                .path("modelCard")
                .path("considerations")
                .path("ethicalConsiderations")
                .get(0)
                .path("name")
                .asText())
        .contains("high: owl-teacher -> owl-student");
    assertThat(properties(student))
        .anyMatch(p -> p.startsWith("heredity:finding=high: same-base-pair"));

    assertThat(properties(bom.path("metadata")))
        .contains("heredity:finding=medium: policy-expired: a suppression expired");
    JsonNode data = component(bom, "dataset:owl-numbers");
    assertThat(data.path("type").asText()).isEqualTo("data");
    assertThat(data.path("hashes").get(0).path("content").asText())
        .isEqualTo("8f5f8918a109b6a20d0e68493fe731f4b316355011ca3bc22ef1d82ca04a9573");

    JsonNode generation = workflow(bom, "generate:owl-numbers").path("tasks").get(0);
    assertThat(generation.path("inputs").get(0).path("resource").path("ref").asText())
        .isEqualTo("model:owl-teacher");
    assertThat(generation.path("outputs").get(0).path("resource").path("ref").asText())
        .isEqualTo("dataset:owl-numbers");
  }

  @Test
  void theValidatorRejectsABrokenBom() throws Exception {
    String broken =
        new CycloneDxExporter()
            .export(Samples.owlNumbers())
            .replace("\"machine-learning-model\"", "\"ml-thing\"");
    assertThat(
            new JsonParser().validate(broken.getBytes(StandardCharsets.UTF_8), Version.VERSION_16))
        .isNotEmpty();
  }

  @Test
  void sameInputGivesTheSameBytes() {
    assertThat(new CycloneDxExporter().export(Samples.owlNumbers()))
        .isEqualTo(new CycloneDxExporter().export(Samples.owlNumbers()));
  }

  static JsonNode component(JsonNode bom, String ref) {
    for (JsonNode c : bom.path("components")) {
      if (c.path("bom-ref").asText().equals(ref)) {
        return c;
      }
    }
    throw new AssertionError("no component " + ref);
  }

  static JsonNode workflow(JsonNode bom, String ref) {
    for (JsonNode w : bom.path("formulation").get(0).path("workflows")) {
      if (w.path("bom-ref").asText().equals(ref)) {
        return w;
      }
    }
    throw new AssertionError("no workflow " + ref);
  }

  static List<String> properties(JsonNode node) {
    List<String> out = new ArrayList<>();
    node.path("properties")
        .forEach(p -> out.add(p.path("name").asText() + "=" + p.path("value").asText()));
    return out;
  }
}
