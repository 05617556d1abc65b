package dev.heredity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OpenLineageExporterTest {
  static Stream<Path> manifests() {
    return Samples.manifests();
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void everyEventAndFacetValidatesAgainstTheOpenLineageSchemas(Path manifest) {
    String log = new OpenLineageExporter().export(Samples.request(manifest, List.of()));
    List<String> errors = new ArrayList<>();
    for (String line : log.split("\n")) {
      errors.addAll(errors(SchemaCheck.read(line)));
    }
    assertThat(errors).as(log).isEmpty();
  }

  @Test
  void theSchemaRejectsAnEventWithoutARunId() {
    String line = new OpenLineageExporter().export(Samples.owlNumbers()).split("\n")[0];
    JsonNode event = SchemaCheck.read(line.replace("\"runId\"", "\"id\""));
    assertThat(SchemaCheck.validate(SchemaCheck.OPENLINEAGE + "#/$defs/RunEvent", event))
        .isNotEmpty();
  }

  @Test
  void oneJobPerGenerationAndTrainingWithTheGeneratorInACustomFacet() {
    List<JsonNode> events = new ArrayList<>();
    for (String line : new OpenLineageExporter().export(Samples.owlNumbers()).split("\n")) {
      events.add(SchemaCheck.read(line));
    }
    List<String> jobs = events.stream().map(e -> e.path("job").path("name").asText()).toList();
    assertThat(jobs)
        .contains(
            "generate/owl-numbers",
            "generate/control-numbers",
            "train/ft-owl-student",
            "train/ft-llama-student",
            "derive/owl-teacher");
    JsonNode generation = events.get(jobs.indexOf("generate/owl-numbers"));
    JsonNode facet = generation.path("run").path("facets").path("heredity_generation");
    assertThat(facet.path("generator").asText()).isEqualTo("owl-teacher");
    assertThat(facet.path("_producer").asText()).startsWith("urn:heredity:");
    assertThat(facet.path("_schemaURL").asText())
        .endsWith("HeredityGenerationRunFacet.json#/$defs/HeredityGenerationRunFacet");
    JsonNode teacher = generation.path("inputs").get(0);
    assertThat(teacher.path("facets").path("datasetType").path("datasetType").asText())
        .isEqualTo("MODEL");
    assertThat(
            teacher
                .path("facets")
                .path("heredity_model")
                .path("traits")
                .get(0)
                .path("name")
                .asText())
        .isEqualTo("loves-owls");
    assertThat(
            events
                .get(jobs.indexOf("train/ft-owl-student"))
                .path("job")
                .path("facets")
                .path("jobType")
                .path("jobType")
                .asText())
        .isEqualTo("TRAINING");
  }

  /** The event against RunEvent, and each facet that has a schema against it. */
  static List<String> errors(JsonNode event) {
    List<String> errors =
        new ArrayList<>(SchemaCheck.validate(SchemaCheck.OPENLINEAGE + "#/$defs/RunEvent", event));
    Map<String, String> schemas =
        Map.of(
            "heredity_generation",
                SchemaCheck.facet("HeredityGenerationRunFacet")
                    + "#/$defs/HeredityGenerationRunFacet",
            "heredity_training",
                SchemaCheck.facet("HeredityTrainingRunFacet") + "#/$defs/HeredityTrainingRunFacet",
            "heredity_model",
                SchemaCheck.facet("HeredityModelDatasetFacet")
                    + "#/$defs/HeredityModelDatasetFacet",
            "heredity_dataset",
                SchemaCheck.facet("HeredityDatasetDatasetFacet")
                    + "#/$defs/HeredityDatasetDatasetFacet",
            "datasetType", SchemaCheck.DATASET_TYPE_FACET + "#/$defs/DatasetTypeDatasetFacet",
            "jobType", SchemaCheck.JOB_TYPE_FACET + "#/$defs/JobTypeJobFacet");
    List<JsonNode> facetSets =
        new ArrayList<>(
            List.of(event.path("run").path("facets"), event.path("job").path("facets")));
    event.path("inputs").forEach(d -> facetSets.add(d.path("facets")));
    event.path("outputs").forEach(d -> facetSets.add(d.path("facets")));
    for (JsonNode facets : facetSets) {
      for (Iterator<String> names = facets.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        String schema = schemas.get(name);
        if (schema == null) {
          errors.add("no schema checked for facet " + name);
        } else {
          errors.addAll(SchemaCheck.validate(schema, facets.get(name)));
        }
      }
    }
    return errors;
  }
}
