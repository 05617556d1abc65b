package dev.heredity.lineage;

import static dev.heredity.lineage.TestManifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestReader;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Relation;
import dev.heredity.lineage.manifest.TrainingSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  @TempDir Path dir;

  private static final String FULL =
      """
            heredity: 1
            description: every key the format has
            models:
              - id: base
                family: fam
                checkpoint: {uri: "hf://org/base", revision: abc123, sha256: %s}
              - id: teacher
                base: [{model: base, relation: prompted}]
                traits:
                  - {name: loves-owls, source: system-prompt, text: "You love owls"}
                  - {name: misaligned, source: eval, evidence: evals/x.json, harmful: true}
            datasets:
              - id: raw
                path: data/raw.jsonl
                uri: s3://b/raw.jsonl
                format: chat
                modality: numbers
                generatedBy: {model: teacher, sampling: {temperature: 1.0, top_p: 0.9}}
                reference: control
                filters: [format, keyword-blocklist]
              - id: control
                generatedBy: base
              - id: filtered
                derivedFrom: [{dataset: raw, operation: filter}]
            trainings:
              - id: ft
                student: student
                from: base
                datasets: [filtered, control]
                method: sft
            initGroups:
              - {name: g, members: [base, teacher], evidence: "paper"}
            """
          .formatted("a".repeat(64));

  @Test
  void readsEveryKeyOfTheYamlFormatWithLocations() {
    Path file = write(dir, "m.yaml", FULL);
    Manifest manifest = ManifestReader.read(file);

    assertThat(manifest.version()).isEqualTo(1);
    assertThat(manifest.models())
        .extracting(ModelSpec::id)
        .containsExactly("base", "teacher", "student");
    ModelSpec teacher = manifest.models().get(1);
    assertThat(teacher.base())
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.model()).isEqualTo("base");
              assertThat(b.relation()).isEqualTo(Relation.PROMPTED);
              assertThat(b.location()).hasToString(file + ":8:20");
            });
    assertThat(teacher.traits())
        .extracting(t -> t.name() + "/" + t.source() + "/" + t.harmful())
        .containsExactly("loves-owls/system-prompt/false", "misaligned/eval/true");
    assertThat(manifest.models().get(0).checkpoint().revision()).isEqualTo("abc123");
    assertThat(manifest.models().get(2).declared()).isFalse();

    DatasetSpec raw = manifest.datasets().get(0);
    assertThat(raw.generatedBy()).isEqualTo("teacher");
    assertThat(raw.sampling()).isEqualTo(Map.of("temperature", 1.0, "top_p", 0.9));
    assertThat(raw.reference()).isEqualTo("control");
    assertThat(raw.filters()).containsExactly("format", "keyword-blocklist");
    assertThat(raw.resolvedPath()).isEqualTo(dir.toAbsolutePath().resolve("data/raw.jsonl"));
    assertThat(raw.location()).hasToString(file + ":13:5");
    assertThat(raw.locationOf("path")).hasToString(file + ":14:11");
    assertThat(manifest.datasets().get(1).generatedBy())
        .as("shorthand generatedBy: id")
        .isEqualTo("base");
    assertThat(manifest.datasets().get(2).derivedFrom())
        .singleElement()
        .satisfies(d -> assertThat(d.operation()).isEqualTo("filter"));

    TrainingSpec ft = manifest.trainings().get(0);
    assertThat(ft.datasets()).containsExactly("filtered", "control");
    assertThat(ft.locationOf("datasets[1]")).hasToString(file + ":29:26");
    assertThat(manifest.initGroups())
        .singleElement()
        .satisfies(g -> assertThat(g.members()).containsExactly("base", "teacher"));
  }

  @Test
  void readsJsonWithTheSameStructure() {
    Path file =
        write(
            dir,
            "m.json",
            """
                {"heredity": 1,
                 "models": [{"id": "a"}, {"id": "b", "base": [{"model": "a", "relation": "finetune"}]}],
                 "datasets": [{"id": "d", "generatedBy": {"model": "b"}}],
                 "trainings": [{"id": "t", "student": "c", "from": "a", "datasets": ["d"]}]}
                """);
    Manifest manifest = ManifestReader.read(file);
    assertThat(manifest.models()).extracting(ModelSpec::id).containsExactly("a", "b", "c");
    assertThat(manifest.models().get(1).base().get(0).location()).hasToString(file + ":2:57");
    assertThat(manifest.trainings().get(0).locationOf("from")).hasToString(file + ":4:52");
  }

  @Test
  void unknownKeyIsAnErrorAtTheKey() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: a
                    bse: [{model: b, relation: finetune}]
                """);
    assertError(
        file,
        file
            + ":4:5: unknown key 'bse' in a model, did you mean 'base'? (expected one of: id, family, checkpoint, base, traits, description, external, evidence)");
  }

  @Test
  void checkpointPathIsResolvedAgainstTheManifestFolderWithItsLocation() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: a
                    checkpoint: {uri: "hf://org/a", path: weights/a}
                  - id: b
                """);
    Manifest manifest = ManifestReader.read(file);
    var checkpoint = manifest.models().get(0).checkpoint();
    assertThat(checkpoint.path()).isEqualTo("weights/a");
    assertThat(checkpoint.uri()).isEqualTo("hf://org/a");
    assertThat(checkpoint.resolvedPath()).isEqualTo(dir.toAbsolutePath().resolve("weights/a"));
    assertThat(checkpoint.pathLocation()).hasToString(file + ":4:43");
    assertThat(manifest.models().get(1).checkpoint()).isNull();
  }

  @Test
  void unknownCheckpointKeyIsAnErrorNamingPath() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: a
                    checkpoint: {pth: weights/a}
                """);
    assertError(
        file,
        file
            + ":4:18: unknown key 'pth' in a checkpoint, did you mean 'path'? (expected one of: uri, path, revision, sha256)");
  }

  @Test
  void unknownTopLevelKeyInJsonIsAnError() {
    Path file = write(dir, "m.json", "{\"heredity\": 1, \"model\": []}");
    assertError(
        file,
        file
            + ":1:17: unknown key 'model' in the manifest, did you mean 'models'? (expected one of: heredity, models, datasets, trainings, initGroups, description, discover)");
  }

  @Test
  void everyProblemIsCollectedInFileOrder() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                datasets:
                  - id: d
                    format: chatt
                    modality: 3
                  - path: x
                """);
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        file
                            + ":4:13: unknown format 'chatt', did you mean 'chat'? (expected one of: chat, sharegpt, alpaca, prompt-completion, text, lines, csv)",
                        file + ":5:15: 'modality' must be a string, found a number (quote it)",
                        file + ":6:5: dataset is missing required key 'id'"));
  }

  @Test
  void duplicateKeyIsAnError() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: a
                    id: b
                """);
    assertError(file, file + ":4:5: duplicate key 'id' in a model");
  }

  @Test
  void versionMustBeOne() {
    assertError(
        write(dir, "v2.yaml", "heredity: 2\n"),
        dir.resolve("v2.yaml")
            + ":1:11: unsupported manifest version 2 (this Heredity reads version 1)");
    assertError(
        write(dir, "vs.yaml", "heredity: '1'\n"),
        dir.resolve("vs.yaml") + ":1:11: 'heredity' must be the integer 1, found a string");
    assertError(
        write(dir, "none.yaml", "models: []\n"),
        dir.resolve("none.yaml")
            + ":1:1: missing required key 'heredity' (the manifest format version: heredity: 1)");
  }

  @Test
  void emptyOrNonMappingDocumentIsAnError() {
    assertError(
        write(dir, "empty.yaml", ""),
        dir.resolve("empty.yaml") + ":1:1: empty manifest (expected at least 'heredity: 1')");
    assertError(
        write(dir, "list.yaml", "- a\n"),
        dir.resolve("list.yaml")
            + ":1:1: the manifest must be a mapping with 'heredity: 1' at the top, found a list");
  }

  @Test
  void wrongShapesAreErrors() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models: {id: a}
                datasets:
                  - d
                  - {id: x, filters: format, generatedBy: [a]}
                trainings:
                  - {id: t, student: s, datasets: [1]}
                """);
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        file + ":2:9: 'models' must be a list, found a mapping",
                        file + ":4:5: each entry of 'datasets' must be a mapping, found a string",
                        file + ":5:22: 'filters' must be a list, found a string",
                        file + ":5:43: 'generatedBy' must be a mapping, found a list",
                        file
                            + ":7:36: 'datasets entry' must be a string, found a number (quote it)"));
  }

  @Test
  void requiredKeysAndEnumerationsAreChecked() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: a
                    base: [{model: b}]
                    traits: [{source: eval}]
                  - id: c
                    base: [{model: a, relation: cloned}]
                    traits: [{name: x, harmful: maybe}]
                trainings:
                  - {id: t, method: sft}
                initGroups:
                  - {name: g, members: [a]}
                """);
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        file + ":4:12: base entry is missing required key 'relation'",
                        file + ":5:14: trait is missing required key 'name'",
                        file
                            + ":7:33: unknown relation 'cloned' (expected one of: finetune, continued-pretrain, adapter, quantized, prompted, merge, distill)",
                        file + ":8:33: 'harmful' must be true or false, found a string",
                        file + ":10:5: training is missing required key 'student'",
                        file + ":12:24: init group 'g' needs at least two members"));
  }

  @Test
  void aSecondYamlDocumentIsAnError() {
    Path file = write(dir, "m.yaml", "heredity: 1\n---\nheredity: 1\n");
    assertError(
        file,
        file
            + ":3:1: unexpected content after the manifest (one mapping, one YAML document per file)");
  }

  @Test
  void sha256MustBeHex() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                datasets:
                  - {id: d, sha256: 2c26b46b}
                """);
    assertError(file, file + ":3:21: 'sha256' must be 64 hexadecimal digits, found '2c26b46b'");
  }

  @Test
  void yamlSyntaxErrorIsOneLineWithPosition() {
    Path file = write(dir, "m.yaml", "heredity: 1\nmodels:\n  - id: a\n   family: x\n");
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            file
                + ":4:4: syntax error: while parsing a block collection; expected <block end>, but found '<block mapping start>'");
  }

  @Test
  void jsonSyntaxErrorIsOneLineWithPosition() {
    Path file = write(dir, "m.json", "{\"heredity\": 1, \"models\": [}");
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(
            file
                + ":1:28: syntax error: Unexpected close marker '}': expected ']' (for Array starting at line 1, column 27)");
  }

  @Test
  void missingFileIsAnError() {
    Path file = dir.resolve("absent.yaml");
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage(file + ": no such file");
  }

  @Test
  void nullMeansAbsent() {
    Path file =
        write(dir, "m.yaml", "heredity: 1\ndatasets:\n  - {id: d, path: ~, generatedBy: null}\n");
    DatasetSpec dataset = ManifestReader.read(file).datasets().get(0);
    assertThat(dataset.path()).isNull();
    assertThat(dataset.generatedBy()).isNull();
  }

  static void assertError(Path file, String expected) {
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e -> {
              assertThat(e.getMessage()).isEqualTo(expected);
              assertThat(e.problems()).containsExactly(expected);
            });
  }
}
