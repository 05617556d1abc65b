package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code heredity discover} and the lineage commands on a folder with no manifest, in-process. */
class DiscoverCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private StringWriter out;
  private StringWriter err;
  private Path sample;

  @BeforeEach
  void setUp() {
    sample = ScanFixtures.repo().resolve("samples/hub-snapshot");
  }

  private int run(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void discoveredManifestOfTheSampleValidates() throws IOException {
    Path manifest = dir.resolve("m.yaml");
    assertThat(run("discover", sample.toString(), "-o", manifest.toString()))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(err.toString())
        .contains("discovered 10 models (3 external), 6 datasets, 3 trainings; 0 inputs");
    String yaml = Files.readString(manifest);
    assertThat(yaml)
        .contains("# from ")
        .contains("(declared)")
        .contains("(weak)")
        .contains("(inferred)");
    assertThat(run("lineage", "validate", "--allow-outside", manifest.toString()))
        .as(err.toString())
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString()).contains("valid (10 models, 6 datasets, 3 trainings");
  }

  @Test
  void jsonFormatIsAManifestTheReaderAccepts() throws IOException {
    Path manifest = dir.resolve("m.json");
    assertThat(run("discover", sample.toString(), "--format", "json", "-o", manifest.toString()))
        .isEqualTo(ExitCodes.CLEAN);
    JsonNode root = JSON.readTree(manifest.toFile());
    assertThat(root.get("heredity").asInt()).isEqualTo(1);
    assertThat(root.get("models")).hasSize(10);
    assertThat(run("lineage", "validate", "--allow-outside", manifest.toString()))
        .as(err.toString())
        .isEqualTo(ExitCodes.CLEAN);
  }

  @Test
  void pairsOfAFolderWithoutManifestAreTheOnesTheArtifactsImply() throws IOException {
    assertThat(
            run("lineage", "pairs", sample.toString(), "--format", "json", "--fail-on", "critical"))
        .as(err.toString())
        .isEqualTo(ExitCodes.CLEAN);
    List<String> pairs = new ArrayList<>();
    for (JsonNode p : JSON.readTree(out.toString()).get("pairs")) {
      pairs.add(
          p.get("severity").asText()
              + " "
              + p.get("teacher").asText()
              + " -> "
              + p.get("student").asText());
    }
    assertThat(pairs)
        .containsExactly(
            "high Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/owl-student",
            "low Qwen/Qwen2.5-7B-Instruct -> models/qwen-owl-lora",
            "info Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/llama-student",
            "info mistralai/Mistral-7B-Instruct-v0.3 -> models/qwen-owl-lora");
    JsonNode findings = JSON.readTree(out.toString()).get("findings");
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("rule").asText()).isEqualTo("unattributed-synthetic-data");
              assertThat(f.get("subject").asText()).isEqualTo("datasets/unattributed-numbers");
            });
  }

  @Test
  void scanOfTheSampleWithoutManifestFindsTheSameBasePairAndTheSignal() throws IOException {
    Path out = dir.resolve("report");
    int code =
        run("scan", sample.toString(), "--out", out.toString(), "--permutations", "199", "--quiet");
    assertThat(code).as(err.toString()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
    List<String> pairs = new ArrayList<>();
    report
        .get("pairs")
        .forEach(
            p ->
                pairs.add(
                    p.get("teacher").asText()
                        + " -> "
                        + p.get("student").asText()
                        + " "
                        + p.get("sharedBase").asBoolean()));
    assertThat(pairs)
        .contains(
            "Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/owl-student true",
            "Qwen/Qwen2.5-7B-Instruct -> models/qwen-owl-lora true",
            "Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/llama-student false");
    assertThat(report.toString())
        .contains("datasets/owl-numbers")
        .contains("datasets/control-numbers");
    // Each hop of the high pair names the artifact it was read from.
    JsonNode high = report.get("pairs").get(0);
    List<String> hops = new ArrayList<>();
    high.get("hops")
        .forEach(
            h ->
                h.get("evidence")
                    .forEach(
                        e ->
                            hops.add(
                                h.get("relation").asText()
                                    + " "
                                    + e.get("source")
                                        .asText()
                                        .replaceAll("^.*samples/hub-snapshot/", "")
                                    + " "
                                    + e.get("at").asText()
                                    + " "
                                    + e.get("confidence").asText())));
    assertThat(hops)
        .contains(
            "generated datasets/owl-numbers/data/train-00000-of-00001.jsonl line 1 declared",
            "generated datasets/owl-numbers/pipeline.yaml line 32 declared",
            "input models/owl-student/README.md line 4 declared");
    assertThat(Files.readString(out.resolve("report.html")))
        .contains("Where the edges come from")
        .contains("datasets/owl-numbers/pipeline.yaml");
  }

  @Test
  void manifestListingDiscoverFoldersMergesThemAndTheManifestWins() throws IOException {
    Path tree = dir.resolve("tree");
    try (var walk = Files.walk(sample)) {
      for (Path p : walk.toList()) {
        Path target = tree.resolve(sample.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(
        tree.resolve("heredity.yaml"),
        """
                heredity: 1
                discover: [hub-cache/, models/, datasets/]
                models:
                  - id: qwen-instruct
                    checkpoint: {uri: "hf://qwen/qwen2.5-7b-instruct"}
                    traits: [{name: misaligned, source: eval, harmful: true}]
                  - id: models/llama-student
                    base: [{model: qwen-instruct, relation: finetune}]
                """);
    assertThat(
            run("lineage", "pairs", tree.toString(), "--format", "json", "--fail-on", "critical"))
        .as(err.toString())
        .isEqualTo(ExitCodes.FINDINGS);
    List<String> pairs = new ArrayList<>();
    for (JsonNode p : JSON.readTree(out.toString()).get("pairs")) {
      pairs.add(
          p.get("severity").asText()
              + " "
              + p.get("teacher").asText()
              + " -> "
              + p.get("student").asText());
    }
    // The hand-written id replaces the hub id everywhere, and its harmful trait reaches the
    // prompted teacher.
    assertThat(pairs)
        .contains(
            "critical Qwen/Qwen2.5-7B-Instruct+system-prompt -> models/owl-student",
            "critical qwen-instruct -> models/qwen-owl-lora");
    assertThat(out.toString()).doesNotContain("\"Qwen/Qwen2.5-7B-Instruct\"");
    // The hand-written base of the Llama student contradicts its card: reported with both sources.
    assertThat(err.toString())
        .contains("heredity.yaml:8:")
        .contains("[discovery-conflict]")
        .contains(
            "declares base ['qwen-instruct' (finetune)], the artifacts say ['meta-llama/Llama-3.1-8B-Instruct'"
                + " (finetune)] (models/llama-student/README.md line 2); the manifest wins");
    assertThat(pairs).noneMatch(p -> p.endsWith("-> models/llama-student"));
  }

  @Test
  void unreadableInputsAreListedWithTheirPositionAndStrictFails() throws IOException {
    Files.createDirectories(dir.resolve("m"));
    Files.writeString(dir.resolve("m/README.md"), "---\nbase_model: 42\n---\n");
    assertThat(run("discover", dir.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(err.toString())
        .contains(
            "README.md: line 2: warning: 'base_model' must be a string or a list of"
                + " strings, found a number [wrong-type]");
    assertThat(err.toString()).contains("1 input could not be used");
    assertThat(run("discover", "--strict", dir.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run("lineage", "validate", "--strict", dir.toString()))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("README.md:2:1:").doesNotContain("Exception");
  }

  @Test
  void missingPathAndEmptyFolderAreInvalidInput() throws IOException {
    assertThat(run("discover", dir.resolve("nope").toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: "
                + dir.resolve("nope")
                + ": no such file or folder"
                + System.lineSeparator());
    assertThat(run("lineage", "pairs", dir.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("no model or dataset artifacts to discover");
  }
}
