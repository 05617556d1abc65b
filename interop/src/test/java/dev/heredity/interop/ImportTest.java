package dev.heredity.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImportTest {
  @TempDir Path dir;

  private static final LineageOptions OPTIONS = new LineageOptions(false, false);

  /**
   * An event as another producer would write it: no Heredity facets, only the MODEL dataset type.
   */
  private static String event(
      String runId, String type, String job, String inputs, String outputs) {
    return "{\"eventType\":\""
        + type
        + "\",\"eventTime\":\"2026-01-01T00:00:00Z\",\"producer\":\"urn:x\","
        + "\"schemaURL\":\"https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent\","
        + "\"run\":{\"runId\":\""
        + runId
        + "\"},\"job\":{\"namespace\":\"ml\",\"name\":\""
        + job
        + "\"},"
        + "\"inputs\":["
        + inputs
        + "],\"outputs\":["
        + outputs
        + "]}";
  }

  private static String model(String name) {
    return "{\"namespace\":\"ml\",\"name\":\""
        + name
        + "\",\"facets\":{\"datasetType\":{\"_producer\":\"urn:x\","
        + "\"_schemaURL\":\"urn:y\",\"datasetType\":\"MODEL\"}}}";
  }

  private static String data(String name) {
    return "{\"namespace\":\"ml\",\"name\":\"" + name + "\"}";
  }

  @Test
  void foreignEventsFollowTheNamingConvention() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("marquez.jsonl"),
            String.join(
                    "\n",
                    event(
                        "11111111-1111-1111-1111-111111111111",
                        "COMPLETE",
                        "derive-teacher",
                        model("base"),
                        model("teacher")),
                    event(
                        "22222222-2222-2222-2222-222222222222",
                        "COMPLETE",
                        "sample-numbers",
                        model("teacher"),
                        data("numbers")),
                    event(
                        "33333333-3333-3333-3333-333333333333",
                        "START",
                        "sft",
                        model("base") + "," + data("numbers"),
                        model("student")),
                    event(
                        "33333333-3333-3333-3333-333333333333",
                        "COMPLETE",
                        "sft",
                        model("base") + "," + data("numbers"),
                        model("student")),
                    "")
                + "\n");
    LineageAnalysis analysis = LineageSources.analyze(log, OPTIONS);
    assertThat(analysis.pairs())
        .extracting(RiskPair::teacher, RiskPair::student, RiskPair::training, RiskPair::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("teacher", "student", "sft", Severity.MEDIUM));
  }

  @Test
  void aFailedRunProducedNothing() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("events.jsonl"),
            String.join(
                "\n",
                event(
                    "22222222-2222-2222-2222-222222222222",
                    "COMPLETE",
                    "sample-numbers",
                    model("teacher"),
                    data("numbers")),
                event(
                    "33333333-3333-3333-3333-333333333333",
                    "START",
                    "sft",
                    model("teacher") + "," + data("numbers"),
                    model("student")),
                event(
                    "33333333-3333-3333-3333-333333333333",
                    "FAIL",
                    "sft",
                    model("teacher") + "," + data("numbers"),
                    model("student"))));
    assertThat(LineageSources.analyze(log, OPTIONS).pairs()).isEmpty();
  }

  @Test
  void aBrokenEventIsAnErrorAtItsLine() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("events.jsonl"),
            event(
                    "22222222-2222-2222-2222-222222222222",
                    "COMPLETE",
                    "g",
                    model("teacher"),
                    data("numbers"))
                + "\n\n{\"run\": {\"runId\": 1\n");
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith(log + ":3:")
        .hasMessageContaining("syntax error");
  }

  @Test
  void bytesThatAreNotUtf8AreAnErrorAtTheirLine() throws IOException {
    Path log = dir.resolve("events.jsonl");
    byte[] first =
        (event(
                    "22222222-2222-2222-2222-222222222222",
                    "COMPLETE",
                    "g",
                    model("teacher"),
                    data("numbers"))
                + "\n")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = java.util.Arrays.copyOf(first, first.length + 3);
    bytes[first.length] = (byte) 0xff;
    bytes[first.length + 1] = (byte) 0xfe;
    bytes[first.length + 2] = '\n';
    Files.write(log, bytes);
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(log + ":2:1: not UTF-8 text");
  }

  @Test
  void anEventWithoutAJobIsAnErrorAtItsLine() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("events.jsonl"),
            event(
                    "22222222-2222-2222-2222-222222222222",
                    "COMPLETE",
                    "g",
                    model("teacher"),
                    data("numbers"))
                + "\n{\"run\":{\"runId\":\"x\"}}\n");
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            log + ":2:1: not an OpenLineage run event: 'job.name' is missing or not a string");
  }

  @Test
  void anAmbiguousTrainingNamesItsLine() throws IOException {
    Path log =
        Files.writeString(
            dir.resolve("events.jsonl"),
            event(
                    "33333333-3333-3333-3333-333333333333",
                    "COMPLETE",
                    "sft",
                    model("a") + "," + model("b") + "," + data("d"),
                    model("s"))
                + "\n");
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith(log + ":1:1: training run 'sft' reads 2 models");
  }

  @Test
  void aCycloneDxBomIsRecognisedByContentAndItsErrorsAreLocated() throws IOException {
    Path bom =
        Files.writeString(
            dir.resolve("ml.json"),
            "{\n  \"bomFormat\": \"CycloneDX\",\n  \"specVersion\": \"1.6\",\n  \"components\": [\n    {\"type\": \"machine-learning-model\"}\n  ]\n}\n");
    assertThat(LineageSources.detect(bom)).isEqualTo(LineageSources.Kind.CYCLONEDX);
    assertThatThrownBy(() -> LineageSources.analyze(bom, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(bom + ":5:5: component has no name");
  }

  @Test
  void aForeignMlBomWithPedigreeImportsModelRelations() throws IOException {
    Path bom =
        Files.writeString(
            dir.resolve("vendor.cdx.json"),
            """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                  {"type": "machine-learning-model", "name": "base"},
                  {"type": "machine-learning-model", "name": "teacher",
                   "pedigree": {"ancestors": [{"type": "machine-learning-model", "name": "base"}]},
                   "properties": [{"name": "heredity:trait", "value": "misaligned; source=eval; harmful=true"}]},
                  {"type": "machine-learning-model", "name": "student",
                   "pedigree": {"ancestors": [{"type": "machine-learning-model", "name": "base"}]},
                   "modelCard": {"modelParameters": {"datasets": [{"ref": "d"}]}}},
                  {"type": "data", "bom-ref": "d", "name": "distilled",
                   "properties": [{"name": "heredity:generatedBy", "value": "teacher"}]}
                ]}
                """);
    LineageAnalysis analysis = LineageSources.analyze(bom, OPTIONS);
    assertThat(analysis.pairs())
        .extracting(RiskPair::teacher, RiskPair::student, RiskPair::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("teacher", "student", Severity.CRITICAL));
  }

  @Test
  void anUnknownHeredityPropertyIsAnErrorAtTheComponentAndOtherToolsPropertiesAreIgnored()
      throws IOException {
    String component =
        "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [\n"
            + "  {\"type\": \"machine-learning-model\", \"name\": \"teacher\",\n"
            + "   \"properties\": [{\"name\": \"vendor:score\", \"value\": 3},"
            + " {\"name\": \"heredity:pair\", \"value\": \"teacher -> student\"},"
            + " {\"name\": \"%s\", \"value\": \"w/teacher\"}]}\n]}\n";
    Path typo =
        Files.writeString(
            dir.resolve("typo.cdx.json"), component.formatted("heredity:chekpoint.path"));
    assertThatThrownBy(() -> LineageSources.analyze(typo, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith(
            typo + ":2:3: unknown property 'heredity:chekpoint.path' on model 'teacher' (known:")
        .hasMessageContaining("heredity:checkpoint.path");

    Path fine =
        Files.writeString(
            dir.resolve("fine.cdx.json"), component.formatted("heredity:checkpoint.path"));
    assertThat(LineageSources.analyze(fine, OPTIONS).manifest().models())
        .singleElement()
        .satisfies(m -> assertThat(m.checkpoint().path()).isEqualTo("w/teacher"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "\"\"", "true", "null"})
  void aDatasetPropertyThatIsNotANonEmptyStringIsAnErrorAtTheComponent(String value)
      throws IOException {
    Path bom =
        Files.writeString(
            dir.resolve("data.cdx.json"),
            "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [\n"
                + "  {\"type\": \"data\", \"name\": \"numbers\",\n"
                + "   \"properties\": [{\"name\": \"heredity:path\", \"value\": "
                + value
                + "}]}\n]}\n");
    assertThatThrownBy(() -> LineageSources.analyze(bom, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            bom
                + ":2:3: 'heredity:path' of dataset 'numbers' must be a non-empty string, got "
                + value);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "\"\"", "\"  \"", "null"})
  void aCheckpointPathThatIsNotANonEmptyStringIsAnErrorAtTheComponent(String value)
      throws IOException {
    Path bom =
        Files.writeString(
            dir.resolve("bad.cdx.json"),
            "{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"components\": [\n"
                + "  {\"type\": \"machine-learning-model\", \"name\": \"teacher\",\n"
                + "   \"properties\": [{\"name\": \"heredity:checkpoint.path\", \"value\": "
                + value
                + "}]}\n]}\n");
    assertThatThrownBy(() -> LineageSources.analyze(bom, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            bom
                + ":2:3: 'heredity:checkpoint.path' of model 'teacher' must be a non-empty string,"
                + " got "
                + value);
  }

  /** A second event whose model input carries the given heredity_model facet body. */
  private Path logWithModelFacet(String facetBody) throws IOException {
    String teacher =
        "{\"namespace\":\"ml\",\"name\":\"teacher\",\"facets\":{\"heredity_model\":"
            + "{\"_producer\":\"urn:x\",\"_schemaURL\":\"urn:y\","
            + facetBody
            + "}}}";
    return Files.writeString(
        dir.resolve("facets.jsonl"),
        event(
                "22222222-2222-2222-2222-222222222222",
                "COMPLETE",
                "g",
                model("teacher"),
                data("numbers"))
            + "\n"
            + event("33333333-3333-3333-3333-333333333333", "COMPLETE", "g2", teacher, data("more"))
            + "\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"chekpoint\":{\"path\":\"w\"}|unknown field 'chekpoint' in 'heredity_model' (known:",
        "\"checkpoint\":{\"pth\":\"w\"}|unknown field 'pth' in 'heredity_model.checkpoint'",
        "\"family\":12|'heredity_model.family' must be a non-empty string, got 12",
        "\"checkpoint\":{\"uri\":{}}|'heredity_model.checkpoint.uri' must be a non-empty string, got {}",
        "\"base\":[{\"relation\":\"finetune\"}]|'heredity_model.base[].model' is missing",
        "\"base\":{\"model\":\"b\"}|'heredity_model.base' must be an array",
        "\"traits\":[{\"name\":\"owl\",\"harmful\":\"yes\"}]|'heredity_model.traits[].harmful' must be true or false, got \"yes\"",
        "\"initGroups\":[7]|'heredity_model.initGroups[]' must be a non-empty string, got 7"
      })
  void aHeredityModelFacetIsReadStrictlyAndItsErrorsAreLocated(String body, String message)
      throws IOException {
    Path log = logWithModelFacet(body);
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith(log + ":2:1: " + message);
  }

  @Test
  void aTypoInTheTrainingFacetIsAnErrorNotAnInferredStartingPoint() throws IOException {
    String training =
        event(
                "44444444-4444-4444-4444-444444444444",
                "COMPLETE",
                "sft",
                model("base") + "," + data("numbers"),
                model("student"))
            .replace(
                "\"runId\":\"44444444-4444-4444-4444-444444444444\"}",
                "\"runId\":\"44444444-4444-4444-4444-444444444444\",\"facets\":"
                    + "{\"heredity_training\":{\"_producer\":\"urn:x\",\"_schemaURL\":\"urn:y\","
                    + "\"fom\":\"base\"}}}");
    Path log = Files.writeString(dir.resolve("training.jsonl"), training + "\n");
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith(
            log + ":1:1: unknown field 'fom' in 'heredity_training' (known: from, method,");
  }

  @Test
  void aWellFormedHeredityModelFacetStillReads() throws IOException {
    Path log =
        logWithModelFacet(
            "\"family\":\"qwen\",\"checkpoint\":{\"uri\":\"hf://x/y\",\"path\":\"w/t\"},"
                + "\"traits\":[{\"name\":\"owl\",\"source\":\"eval\",\"harmful\":false}],"
                + "\"initGroups\":[\"g\"]");
    var teacher =
        LineageSources.analyze(log, OPTIONS).manifest().models().stream()
            .filter(m -> m.id().equals("teacher"))
            .findFirst()
            .orElseThrow();
    assertThat(teacher.family()).isEqualTo("qwen");
    assertThat(teacher.checkpoint().uri()).isEqualTo("hf://x/y");
    assertThat(teacher.checkpoint().path()).isEqualTo("w/t");
    assertThat(teacher.traits()).extracting(t -> t.name()).containsExactly("owl");
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "\"\"", "{}", "null"})
  void aCheckpointPathInTheModelFacetThatIsNotANonEmptyStringIsAnErrorAtItsLine(String value)
      throws IOException {
    Path log = logWithModelFacet("\"checkpoint\":{\"path\":" + value + "}");
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            log
                + ":2:1: 'heredity_model.checkpoint.path' of model 'teacher' must be a non-empty"
                + " string, got "
                + value);
  }

  @Test
  void anImportedCheckpointPathThatLeavesTheImportsFolderIsRefusedUnlessAllowed()
      throws IOException {
    Path bom =
        Files.writeString(
            dir.resolve("out.cdx.json"),
            """
                {"bomFormat": "CycloneDX", "specVersion": "1.6", "components": [
                  {"type": "machine-learning-model", "name": "teacher",
                   "properties": [{"name": "heredity:checkpoint.path", "value": "../w/teacher"}]}
                ]}
                """);
    assertThatThrownBy(() -> LineageSources.analyze(bom, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageContaining("checkpoint path '../w/teacher' of model 'teacher' escapes");
    assertThat(
            LineageSources.analyze(bom, new LineageOptions(true, false))
                .manifest()
                .models()
                .get(0)
                .checkpoint()
                .resolvedPath())
        .isEqualTo(dir.toAbsolutePath().normalize().resolveSibling("w/teacher"));
  }

  @Test
  void twoDifferentCheckpointPathsForOneModelAreAConflict() throws IOException {
    String teacher =
        "{\"namespace\":\"ml\",\"name\":\"teacher\",\"facets\":{\"heredity_model\":"
            + "{\"_producer\":\"urn:x\",\"_schemaURL\":\"urn:y\",\"checkpoint\":{\"path\":\"%s\"}}}}";
    Path log =
        Files.writeString(
            dir.resolve("events.jsonl"),
            event(
                    "22222222-2222-2222-2222-222222222222",
                    "COMPLETE",
                    "g",
                    teacher.formatted("w/a"),
                    data("numbers"))
                + "\n"
                + event(
                    "33333333-3333-3333-3333-333333333333",
                    "COMPLETE",
                    "g2",
                    teacher.formatted("w/b"),
                    data("more"))
                + "\n");
    assertThatThrownBy(() -> LineageSources.analyze(log, OPTIONS))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            log
                + ":2:1: model 'teacher' has checkpoint path 'w/b' here but 'w/a' at "
                + log
                + ":1:1");
  }

  @Test
  void aManifestIsStillAManifest() {
    Path manifest = Samples.repo().resolve("samples/owl-numbers/heredity.yaml");
    assertThat(LineageSources.detect(manifest)).isEqualTo(LineageSources.Kind.MANIFEST);
    assertThat(RoundTripTest.decisions(LineageSources.analyze(manifest, OPTIONS)))
        .isEqualTo(RoundTripTest.decisions(Samples.analyze(manifest)));
  }
}
