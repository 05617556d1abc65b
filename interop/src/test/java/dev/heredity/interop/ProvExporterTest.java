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

class ProvExporterTest {
  static Stream<Path> manifests() {
    return Samples.manifests();
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void everySampleValidatesAgainstThePROVJsonSchemaAndEveryRelationEndIsDeclared(Path manifest) {
    String text = new ProvExporter().export(Samples.request(manifest, List.of()));
    assertThat(SchemaCheck.prov(text)).as(text).isEmpty();
    JsonNode doc = SchemaCheck.read(text);
    List<String> dangling = new ArrayList<>();
    for (String relation : List.of("used", "wasGeneratedBy", "wasDerivedFrom")) {
      doc.path(relation)
          .forEach(
              r ->
                  r.fields()
                      .forEachRemaining(
                          f -> {
                            String key = f.getKey();
                            String value = f.getValue().asText();
                            boolean entity =
                                key.equals("prov:entity")
                                    || key.equals("prov:generatedEntity")
                                    || key.equals("prov:usedEntity");
                            if (entity && !doc.path("entity").has(value)
                                || key.equals("prov:activity")
                                    && !doc.path("activity").has(value)) {
                              dangling.add(relation + " " + key + " " + value);
                            }
                          }));
    }
    assertThat(dangling).isEmpty();
  }

  @Test
  void theSchemaRejectsADerivationWithoutItsUsedEntity() {
    String broken =
        new ProvExporter()
            .export(Samples.owlNumbers())
            .replace("\"prov:usedEntity\"", "\"prov:used\"");
    assertThat(SchemaCheck.prov(broken)).isNotEmpty();
  }

  @Test
  void aCheckpointPathIsAModelAttributeAsWritten() {
    JsonNode entities =
        SchemaCheck.read(
                new ProvExporter()
                    .export(
                        Samples.request(
                            Samples.repo().resolve("samples/weights/heredity.yaml"), List.of())))
            .path("entity");
    assertThat(entities.path("heredity:model/teacher").path("heredity:path").asText())
        .isEqualTo("weights/teacher");
    assertThat(entities.path("heredity:model/student-declared-a").has("heredity:path")).isFalse();
  }

  @Test
  void generationTrainingAndDerivation() {
    JsonNode doc = SchemaCheck.read(new ProvExporter().export(Samples.owlNumbers()));
    assertThat(doc.path("activity").has("heredity:generate/owl-numbers")).isTrue();
    assertThat(doc.path("activity").has("heredity:train/ft-owl-student")).isTrue();
    List<String> edges = new ArrayList<>();
    doc.path("used")
        .forEach(
            u ->
                edges.add(
                    u.path("prov:activity").asText() + " used " + u.path("prov:entity").asText()));
    doc.path("wasGeneratedBy")
        .forEach(
            g ->
                edges.add(
                    g.path("prov:entity").asText()
                        + " wasGeneratedBy "
                        + g.path("prov:activity").asText()));
    doc.path("wasDerivedFrom")
        .forEach(
            d ->
                edges.add(
                    d.path("prov:generatedEntity").asText()
                        + " wasDerivedFrom "
                        + d.path("prov:usedEntity").asText()
                        + " "
                        + d.path("heredity:relation").asText()));
    assertThat(edges)
        .contains(
            "heredity:generate/owl-numbers used heredity:model/owl-teacher",
            "heredity:dataset/owl-numbers wasGeneratedBy heredity:generate/owl-numbers",
            "heredity:train/ft-owl-student used heredity:dataset/owl-numbers",
            "heredity:model/owl-student wasGeneratedBy heredity:train/ft-owl-student",
            "heredity:model/owl-teacher wasDerivedFrom heredity:model/qwen2.5-7b-instruct prompted");
    assertThat(
            doc.path("entity")
                .path("heredity:model/owl-student")
                .path("heredity:pair")
                .get(0)
                .asText())
        .startsWith("high: owl-teacher -> owl-student");
  }
}
