package dev.heredity.lineage;

import static dev.heredity.lineage.TestManifests.write;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestValidatorTest {
  @TempDir Path dir;

  private List<String> errors(String yaml) {
    Path file = write(dir, "m.yaml", yaml);
    try {
      Lineage.validate(file, LineageOptions.defaults());
    } catch (InvalidManifestException e) {
      return e.problems().stream().map(p -> p.replace(file.toString(), "m.yaml")).toList();
    }
    return List.of();
  }

  private List<Diagnostic> warnings(String yaml, LineageOptions options) {
    return Lineage.validate(write(dir, "m.yaml", yaml), options);
  }

  @Test
  void duplicateIdsAcrossModelsDatasetsAndTrainings() {
    assertThat(
            errors(
                """
                heredity: 1
                models:
                  - id: a
                  - id: a
                datasets:
                  - id: a
                trainings:
                  - {id: a, student: s}
                """))
        .containsExactly(
            "m.yaml:4:5: duplicate id 'a' (first declared at m.yaml:3:5)",
            "m.yaml:6:5: duplicate id 'a' (first declared at m.yaml:3:5)",
            "m.yaml:8:5: duplicate id 'a' (first declared at m.yaml:3:5)");
  }

  @Test
  void danglingReferencesNameTheMissingId() {
    assertThat(
            errors(
                """
                heredity: 1
                models:
                  - id: a
                    base: [{model: ghost, relation: finetune}]
                datasets:
                  - id: d
                    generatedBy: {model: nobody}
                    reference: no-control
                    derivedFrom: [{dataset: no-source}]
                trainings:
                  - {id: t, student: s, from: no-start, datasets: [no-data]}
                initGroups:
                  - {name: g, members: [a, no-member]}
                """))
        .containsExactly(
            "m.yaml:4:20: dangling reference 'ghost' in the base of model 'a' (no model has that id)",
            "m.yaml:7:26: dangling reference 'nobody' in generatedBy of dataset 'd' (no model has that id)",
            "m.yaml:8:16: dangling reference 'no-control' in reference of dataset 'd' (no dataset has that id)",
            "m.yaml:9:29: dangling reference 'no-source' in derivedFrom of dataset 'd' (no dataset has that id)",
            "m.yaml:11:31: dangling reference 'no-start' in from of training 't' (no model has that id)",
            "m.yaml:11:52: dangling reference 'no-data' in datasets of training 't' (no dataset has that id)",
            "m.yaml:13:28: dangling reference 'no-member' in init group 'g' (no model has that id)");
  }

  @Test
  void referenceOfTheWrongKindIsAnError() {
    assertThat(
            errors(
                """
                heredity: 1
                models:
                  - id: m
                datasets:
                  - {id: d, generatedBy: d}
                trainings:
                  - {id: t, student: d, from: m, datasets: [m]}
                """))
        .containsExactly(
            "m.yaml:5:26: 'd' in generatedBy of dataset 'd' is a dataset, expected a model",
            "m.yaml:7:22: student 'd' is a dataset (declared at m.yaml:5:5), not a model",
            "m.yaml:7:45: 'm' in datasets of training 't' is a model, expected a dataset");
  }

  @Test
  void aModelProducedByTwoTrainingsAndRepeatedInputsAreErrors() {
    assertThat(
            errors(
                """
                heredity: 1
                datasets:
                  - id: d
                trainings:
                  - {id: t1, student: s, datasets: [d]}
                  - {id: t2, student: s, datasets: [d, d]}
                """))
        .containsExactly(
            "m.yaml:6:23: model 's' is produced by two trainings, 't1' (m.yaml:5:23) and 't2'",
            "m.yaml:6:40: dataset 'd' is listed twice in datasets of training 't2'");
  }

  @Test
  void aBaseOrSourceListedTwiceIsAnError() {
    assertThat(
            errors(
                """
                heredity: 1
                models:
                  - id: a
                  - {id: m, base: [{model: a, relation: merge}, {model: a, relation: merge}]}
                datasets:
                  - id: d
                  - {id: e, derivedFrom: [{dataset: d}, {dataset: d, operation: mix}]}
                """))
        .containsExactly(
            "m.yaml:4:57: model 'a' is listed twice in the base of model 'm'",
            "m.yaml:7:51: dataset 'd' is listed twice in derivedFrom of dataset 'e'");
  }

  @Test
  void baseCycleNamesEveryIdOnIt() {
    assertThat(
            errors(
                """
                heredity: 1
                models:
                  - id: a
                    base: [{model: c, relation: finetune}]
                  - id: b
                    base: [{model: a, relation: finetune}]
                  - id: c
                    base: [{model: b, relation: merge}]
                """))
        .containsExactly(
            "m.yaml:4:20: cycle: a -> b -> c -> a (base, generatedBy, derivedFrom and training links must not loop)");
  }

  @Test
  void derivedFromCycleAndSelfReferenceAreErrors() {
    assertThat(
            errors(
                """
                heredity: 1
                datasets:
                  - {id: x, derivedFrom: [{dataset: y}]}
                  - {id: y, derivedFrom: [{dataset: x}]}
                  - {id: z, reference: z}
                """))
        .containsExactly("m.yaml:5:24: dataset 'z' names itself as its reference");
    assertThat(
            errors(
                """
                heredity: 1
                datasets:
                  - {id: x, derivedFrom: [{dataset: y}]}
                  - {id: y, derivedFrom: [{dataset: x}]}
                """))
        .containsExactly(
            "m.yaml:3:37: cycle: x -> y -> x (base, generatedBy, derivedFrom and training links must not loop)");
  }

  @Test
  void trainingCycleThroughTheStudentsOwnDataIsAnError() {
    assertThat(
            errors(
                """
                heredity: 1
                datasets:
                  - {id: d, generatedBy: s}
                trainings:
                  - {id: t, student: s, datasets: [d]}
                """))
        .containsExactly(
            "m.yaml:5:22: cycle: s -> d -> t -> s (base, generatedBy, derivedFrom and training links must not loop)");
  }

  @Test
  void declaredBaseMustAgreeWithTheProducingTraining() {
    assertThat(
            errors(
                """
                heredity: 1
                models:
                  - id: a
                  - id: b
                  - id: wrong-base
                    base: [{model: a, relation: finetune}]
                  - id: wrong-relation
                    base: [{model: b, relation: quantized}]
                  - id: scratch
                    base: [{model: a, relation: finetune}]
                  - id: only-distill
                    base: [{model: a, relation: distill}]
                trainings:
                  - {id: t1, student: wrong-base, from: b}
                  - {id: t2, student: wrong-relation, from: b}
                  - {id: t3, student: scratch}
                  - {id: t4, student: only-distill, from: b}
                """))
        .containsExactly(
            "m.yaml:6:20: model 'wrong-base' declares base 'a' but training 't1' (m.yaml:14:5) starts it from 'b'",
            "m.yaml:8:20: model 'wrong-relation' declares relation 'quantized' to 'b' but training 't2' (m.yaml:15:5) fine-tunes it (expected finetune, continued-pretrain or adapter)",
            "m.yaml:10:20: model 'scratch' declares base 'a' (finetune) but training 't3' (m.yaml:16:5) trains it from scratch (no 'from')",
            "m.yaml:12:11: model 'only-distill' declares no base it starts from but training 't4' (m.yaml:17:5) starts it from 'b'");
  }

  @Test
  void agreeingBaseWithAnExtraDistillEntryIsValid() {
    assertThat(
            errors(
                """
                heredity: 1
                models:
                  - id: a
                  - id: teacher
                  - id: s
                    base: [{model: a, relation: adapter}, {model: teacher, relation: distill}]
                  - id: fresh
                    base: [{model: teacher, relation: distill}]
                trainings:
                  - {id: t, student: s, from: a}
                  - {id: t2, student: fresh}
                """))
        .isEmpty();
  }

  @Test
  void sha256IsCheckedWhenTheFileIsPresent() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.writeString(dir.resolve("data/x.txt"), "abc");
    String good = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    String bad = "f".repeat(64);
    assertThat(
            errors("heredity: 1\ndatasets:\n  - {id: d, path: data/x.txt, sha256: " + good + "}\n"))
        .isEmpty();
    assertThat(
            errors("heredity: 1\ndatasets:\n  - {id: d, path: data/x.txt, sha256: " + bad + "}\n"))
        .containsExactly(
            "m.yaml:3:39: sha256 mismatch for 'data/x.txt': manifest says "
                + bad
                + ", file has "
                + good);
    Path file =
        write(
            dir,
            "m.yaml",
            "heredity: 1\ndatasets:\n  - {id: d, path: data/x.txt, sha256: " + bad + "}\n");
    assertThat(Lineage.validate(file, new LineageOptions(false, false)))
        .as("hashing switched off")
        .isEmpty();
  }

  @Test
  void pathsMayNotEscapeTheManifestFolderUnlessAllowed() {
    String yaml =
        "heredity: 1\ndatasets:\n  - {id: d, path: ../outside.jsonl}\n  - {id: e, path: /etc/hostname}\n";
    assertThat(errors(yaml))
        .containsExactly(
            "m.yaml:3:19: path '../outside.jsonl' of dataset 'd' escapes the manifest's folder",
            "m.yaml:4:19: path '/etc/hostname' of dataset 'e' escapes the manifest's folder");
    assertThat(warnings(yaml, new LineageOptions(true, true)))
        .extracting(Diagnostic::code)
        .contains("missing-file");
  }

  @Test
  void checkpointPathsMayNotEscapeTheManifestFolderUnlessAllowed() {
    String yaml = "heredity: 1\nmodels:\n  - {id: m, checkpoint: {path: ../weights/m}}\n";
    assertThat(errors(yaml))
        .containsExactly(
            "m.yaml:3:32: checkpoint path '../weights/m' of model 'm' escapes the manifest's folder");
    assertThat(warnings(yaml, new LineageOptions(true, true)))
        .extracting(Diagnostic::code)
        .containsExactly("missing-checkpoint");
  }

  @Test
  void aMissingCheckpointPathIsAWarningWithLocationAndAPresentOneIsNot() throws IOException {
    String yaml = "heredity: 1\nmodels:\n  - {id: m, checkpoint: {path: weights/m}}\n";
    assertThat(warnings(yaml, LineageOptions.defaults()))
        .singleElement()
        .satisfies(
            w ->
                assertThat(w.render())
                    .isEqualTo(
                        dir.resolve("m.yaml")
                            + ":3:32: warning: checkpoint path 'weights/m' of model 'm' is not"
                            + " present; its weights cannot be checked [missing-checkpoint]"));
    Files.createDirectories(dir.resolve("weights/m"));
    assertThat(warnings(yaml, LineageOptions.defaults())).isEmpty();
  }

  @Test
  void aSymbolicLinkPointingOutsideEscapesToo(@TempDir Path outside) throws IOException {
    Files.writeString(outside.resolve("secret.jsonl"), "{}\n");
    Files.createSymbolicLink(dir.resolve("link.jsonl"), outside.resolve("secret.jsonl"));
    assertThat(errors("heredity: 1\ndatasets:\n  - {id: d, path: link.jsonl}\n"))
        .containsExactly(
            "m.yaml:3:19: path 'link.jsonl' of dataset 'd' escapes the manifest's folder");
  }

  @Test
  void missingFileIsAWarningWithLocation() {
    List<Diagnostic> warnings =
        warnings(
            "heredity: 1\ndatasets:\n  - {id: d, path: data/absent.jsonl}\n",
            LineageOptions.defaults());
    assertThat(warnings)
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.code()).isEqualTo("missing-file");
              assertThat(w.render())
                  .isEqualTo(
                      dir.resolve("m.yaml")
                          + ":3:19: warning: file 'data/absent.jsonl' of dataset 'd'"
                          + " is not present; only its lineage is checked [missing-file]");
            });
  }

  @Test
  void unattributedSyntheticLookingDatasetsAreWarnings() {
    List<Diagnostic> warnings =
        warnings(
            """
                heredity: 1
                models:
                  - id: m
                datasets:
                  - {id: numbers, modality: numbers}
                  - {id: teacher-outputs}
                  - {id: prose, modality: text}
                  - {id: attributed, modality: code, generatedBy: m}
                  - {id: derived, modality: reasoning, derivedFrom: [{dataset: attributed}]}
                  - {id: web-crawl}
                """,
            LineageOptions.defaults());
    assertThat(warnings)
        .extracting(w -> w.code() + " " + w.location().line() + " " + w.message())
        .containsExactly(
            "unattributed-synthetic 5 dataset 'numbers' looks synthetic (modality 'numbers') but has no generatedBy; its teacher cannot be checked",
            "unattributed-synthetic 6 dataset 'teacher-outputs' looks synthetic (a generator-like name) but has no generatedBy; its teacher cannot be checked");
  }
}
