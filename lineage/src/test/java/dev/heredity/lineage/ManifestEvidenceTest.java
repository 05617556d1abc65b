package dev.heredity.lineage;

import static dev.heredity.lineage.TestManifests.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.lineage.graph.GraphEdge;
import dev.heredity.lineage.manifest.Confidence;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Evidence;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestReader;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.lineage.manifest.Relation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest additions discovery relies on: evidence, discover folders, external models,
 * synonyms, the id syntax.
 */
class ManifestEvidenceTest {
  @TempDir Path dir;

  private static final String DISCOVERED =
      """
            heredity: 1
            discover: [models, datasets/]
            models:
              - id: Qwen/Qwen2.5-7B-Instruct
                external: true
                evidence: [{source: models/student/adapter_config.json, at: /base_model_name_or_path, confidence: declared}]
              - id: student
                base:
                  - model: Qwen/Qwen2.5-7B-Instruct
                    relation: lora
                    evidence:
                      - {source: models/student/adapter_config.json, at: /base_model_name_or_path, confidence: declared}
                      - {source: models/student/config.json, at: /_name_or_path, confidence: weak}
                evidence: [{source: models/student/README.md, at: line 3, confidence: inferred}]
              - id: teacher
                base: [{model: Qwen/Qwen2.5-7B-Instruct, relation: sft}]
            datasets:
              - id: gen
                generatedBy:
                  model: teacher
                  evidence: [{source: datasets/gen/pipeline.yaml, at: line 12, confidence: declared}]
              - id: filtered
                derivedFrom: [{dataset: gen, operation: filter, evidence: [{source: "https://hf.co/d", confidence: weak}]}]
                evidence: [{source: datasets/filtered/README.md, confidence: declared}]
            trainings:
              - id: ft
                student: student2
                from: Qwen/Qwen2.5-7B-Instruct
                datasets: [filtered]
                evidence: [{source: runs/ft.json, at: /trainer, confidence: inferred}]
            """;

  @Test
  void readsEvidenceDiscoverFoldersExternalModelsAndRelationSynonyms() throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.createDirectories(dir.resolve("datasets"));
    Path file = write(dir, "heredity.yaml", DISCOVERED);
    Manifest manifest = ManifestReader.read(file);

    assertThat(manifest.discover())
        .extracting(d -> d.path() + " -> " + dir.toAbsolutePath().relativize(d.resolved()))
        .containsExactly("models -> models", "datasets/ -> datasets");
    ModelSpec hub = manifest.models().get(0);
    assertThat(hub.external()).isTrue();
    assertThat(hub.evidence())
        .containsExactly(
            new Evidence(
                "models/student/adapter_config.json",
                "/base_model_name_or_path",
                Confidence.DECLARED));
    ModelSpec student = manifest.models().get(1);
    assertThat(student.external()).isFalse();
    assertThat(student.base().get(0).relation())
        .as("lora means adapter")
        .isEqualTo(Relation.ADAPTER);
    assertThat(student.base().get(0).evidence())
        .extracting(Evidence::confidence)
        .containsExactly(Confidence.DECLARED, Confidence.WEAK);
    assertThat(manifest.models().get(2).base().get(0).relation())
        .as("sft means finetune")
        .isEqualTo(Relation.FINETUNE);
    DatasetSpec gen = manifest.datasets().get(0);
    assertThat(gen.generatedByEvidence())
        .singleElement()
        .extracting(Evidence::at)
        .isEqualTo("line 12");
    assertThat(manifest.datasets().get(1).derivedFrom().get(0).evidence())
        .singleElement()
        .isEqualTo(new Evidence("https://hf.co/d", null, Confidence.WEAK));
    assertThat(manifest.trainings().get(0).evidence())
        .singleElement()
        .extracting(Evidence::source)
        .isEqualTo("runs/ft.json");
    assertThat(Lineage.validate(file, LineageOptions.defaults())).isEmpty();
  }

  @Test
  void everyHopOfAPairCarriesItsEvidenceAndHandWrittenHopsNameTheirManifestLine() throws Exception {
    Files.createDirectories(dir.resolve("models"));
    Files.createDirectories(dir.resolve("datasets"));
    Path file = write(dir, "heredity.yaml", DISCOVERED);
    LineageAnalysis analysis = TestManifests.analyze(file);
    RiskPair pair =
        analysis.pairs().stream()
            .filter(p -> p.student().equals("student2"))
            .findFirst()
            .orElseThrow();
    assertThat(pair.path()).containsExactly("teacher", "gen", "filtered", "ft", "student2");
    List<GraphEdge> hops = analysis.hops(pair);
    assertThat(hops)
        .extracting(
            h ->
                h.source()
                    + ">"
                    + h.target()
                    + " "
                    + h.relation()
                    + " "
                    + h.evidence().get(0).source()
                    + (h.evidence().get(0).at() == null ? "" : " " + h.evidence().get(0).at()))
        .containsExactly(
            "teacher>gen generated datasets/gen/pipeline.yaml line 12",
            "gen>filtered filter https://hf.co/d",
            "filtered>ft input runs/ft.json /trainer",
            "ft>student2 produces runs/ft.json /trainer");
    GraphEdge teacherBase =
        analysis.graph().edge("Qwen/Qwen2.5-7B-Instruct", "teacher").orElseThrow();
    assertThat(teacherBase.evidence())
        .as("no evidence written: the manifest line is the source")
        .containsExactly(new Evidence(file.toString(), "line 16", Confidence.DECLARED));
  }

  @Test
  void evidenceEntriesAreCheckedLikeEveryOtherMapping() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: a
                    evidence: [{source: x, confidence: sure}, {at: line 1, confidence: weak}, {source: y, confidense: weak}]
                """);
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        file
                            + ":4:40: unknown confidence 'sure' (expected one of: declared, inferred, weak)",
                        file + ":4:47: evidence entry is missing required key 'source'",
                        file + ":4:79: evidence entry is missing required key 'confidence'",
                        file
                            + ":4:91: unknown key 'confidense' in an evidence entry, did you mean 'confidence'? (expected one of: source, at, confidence)"));
  }

  @Test
  void nearMissesOfRelationsAndKeysGetAHint() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: a
                  - id: b
                    base: [{model: a, relation: finetuned}]
                    famly: x
                  - id: c
                    base: [{model: a, relation: qlora}, {model: b, relation: Lora}]
                """);
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        file
                            + ":5:33: unknown relation 'finetuned', did you mean 'finetune'? (expected one of: finetune, continued-pretrain, adapter, quantized, prompted, merge, distill)",
                        file
                            + ":6:5: unknown key 'famly' in a model, did you mean 'family'? (expected one of: id, family, checkpoint, base, traits, description, external, evidence)",
                        file
                            + ":8:62: unknown relation 'Lora', did you mean 'lora'? (expected one of: finetune, continued-pretrain, adapter, quantized, prompted, merge, distill)"));
  }

  @Test
  void idsAreLettersDigitsAndAFewMarksAndBadOnesAreLocatedAndEscaped() {
    Path file =
        write(
            dir,
            "m.yaml",
            """
                heredity: 1
                models:
                  - id: "Qwen/Qwen2.5-7B@main:q4+x"
                  - id: ""
                  - id: "   "
                  - id: "a\\u0001b"
                  - id: "two words"
                  - id: ok
                    base: [{model: "ghost\\nmore", relation: finetune}]
                """);
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e -> {
              assertThat(e.problems())
                  .containsExactly(
                      file + ":4:9: invalid id '' in 'id': is empty",
                      file + ":5:9: invalid id '   ' in 'id': is blank",
                      file
                          + ":6:9: invalid id 'a\\u0001b' in 'id': holds the control character U+0001 (ids may hold letters, digits and . _ - / : @ + )"
                              .replace(" )", ")"),
                      file
                          + ":7:9: invalid id 'two words' in 'id': holds a space (ids may hold letters, digits and . _ - / : @ +)",
                      file
                          + ":9:20: invalid id 'ghost\\nmore' in 'model': holds a line feed (U+000A) (ids may hold letters, digits and . _ - / : @ +)");
              assertThat(e.problems())
                  .allSatisfy(p -> assertThat(p).doesNotContain("\n", "\r", "\u0001"));
              assertThat(e.details()).extracting(ManifestProblem::code).containsOnly("invalid-id");
            });
  }

  @Test
  void discoverFoldersMustStayInsideTheManifestsFolder() throws Exception {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("file.txt"), "x");
    Path file =
        write(dir, "sub/m.yaml", "heredity: 1\ndiscover: [../elsewhere, /etc, models, .]\n");
    assertThatThrownBy(() -> ManifestReader.read(file))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        file
                            + ":2:12: discover folder '../elsewhere' is not a relative folder inside the manifest's folder",
                        file
                            + ":2:26: discover folder '/etc' is not a relative folder inside the manifest's folder"));
    Path missing = write(dir, "m2.yaml", "heredity: 1\ndiscover: [absent, file.txt]\n");
    assertThatThrownBy(() -> Lineage.validate(missing, LineageOptions.defaults()))
        .isInstanceOfSatisfying(
            InvalidManifestException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        missing + ":2:12: discover folder 'absent' is missing, not a directory",
                        missing
                            + ":2:20: discover folder 'file.txt' is a regular file, not a directory"));
  }
}
