package dev.heredity.audit.cli.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.HeredityCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code heredity lineage} commands, run in-process: exit codes, stdout/stderr split, formats.
 */
class LineageCommandTest {
  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static String sample(String name) {
    return repo().resolve("samples/lineage").resolve(name).toString();
  }

  private static Path repo() {
    return dev.heredity.audit.RepoRoot.path();
  }

  private Path manifest(String yaml) throws IOException {
    return Files.writeString(dir.resolve("m.yaml"), yaml);
  }

  @Test
  void validateAcceptsASampleWithASummaryLine() {
    assertThat(run("lineage", "validate", sample("owl-numbers.yaml"))).isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString())
        .isEqualTo(
            sample("owl-numbers.yaml")
                + ": valid (5 models, 2 datasets, 2 trainings, 0 init groups; 0 warnings)"
                + System.lineSeparator());
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void validateListsEveryErrorOnePerLineWithExitThree() throws IOException {
    Path file =
        manifest(
            "heredity: 1\nmodels:\n  - id: a\n    base: [{model: x, relation: finetune}]\n"
                + "datasets:\n  - {id: d, generatedBy: y}\n");
    assertThat(run("lineage", "validate", file.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines())
        .containsExactly(
            "heredity: "
                + file
                + ":4:20: dangling reference 'x' in the base of model 'a' (no model has that id)",
            "heredity: "
                + file
                + ":6:26: dangling reference 'y' in generatedBy of dataset 'd' (no model has that id)");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void anInvalidManifestIsOneLineWithoutStackTraceForOtherCommands() throws IOException {
    Path file = manifest("heredity: 1\nmodels:\n  - id: a\n    famly: x\n");
    assertThat(run("lineage", "pairs", file.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines())
        .containsExactly(
            "heredity: "
                + file
                + ":4:5: unknown key 'famly' in a model, did you mean 'family'? (expected one of: id, family, checkpoint, base, traits, description, external, evidence)");
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    Path file = manifest("heredity: 1\nmodels:\n  - id: a\n    famly: x\n");
    assertThat(run("lineage", "pairs", file.toString(), "--debug"))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString()).contains("InvalidManifestException", "\tat ");
  }

  @Test
  void missingManifestIsInvalidInput() {
    assertThat(run("lineage", "pairs", dir.resolve("none.yaml").toString()))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: " + dir.resolve("none.yaml") + ": no such file" + System.lineSeparator());
  }

  @Test
  void warningsGoToStderrAndFailOnlyWithStrict() throws IOException {
    Path file = manifest("heredity: 1\ndatasets:\n  - {id: d, path: data/absent.jsonl}\n");
    assertThat(run("lineage", "validate", file.toString())).isEqualTo(ExitCodes.CLEAN);
    assertThat(err.toString())
        .isEqualTo(
            file
                + ":3:19: warning: file 'data/absent.jsonl' of dataset 'd' is not present;"
                + " only its lineage is checked [missing-file]"
                + System.lineSeparator());
    assertThat(out.toString()).contains("1 warning");

    StringWriter strictErr = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(strictErr, true));
    assertThat(cli.execute("lineage", "validate", "--strict", file.toString()))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(strictErr.toString())
        .contains(
            "heredity: "
                + file
                + ":3:19: file 'data/absent.jsonl' of dataset 'd' is not present;"
                + " only its lineage is checked (--strict: 1 warning treated as errors)");
  }

  @Test
  void allowOutsideAcceptsEscapingPaths() throws IOException {
    Path file = manifest("heredity: 1\ndatasets:\n  - {id: d, path: ../elsewhere.jsonl}\n");
    assertThat(run("lineage", "validate", file.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .contains(
            ":3:19: path '../elsewhere.jsonl' of dataset 'd' escapes the manifest's folder"
                + " (pass --allow-outside to accept it)");
    assertThat(run("lineage", "validate", "--allow-outside", file.toString()))
        .isEqualTo(ExitCodes.CLEAN);
  }

  @Test
  void pairsFailsOnHighByDefault() {
    assertThat(run("lineage", "pairs", sample("owl-numbers.yaml"))).isEqualTo(ExitCodes.FINDINGS);
    assertThat(out.toString())
        .contains(
            "SEVERITY",
            "high      owl-teacher",
            "owl-teacher -> owl-numbers -> ft-owl-student -> owl-student",
            "2 pairs (1 high, 1 low), 0 findings");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void failOnSetsTheThreshold() {
    assertThat(run("lineage", "pairs", sample("owl-numbers.yaml"), "--fail-on", "critical"))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(run("lineage", "pairs", sample("owl-numbers.yaml"), "--fail-on", "none"))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(run("lineage", "pairs", sample("unattributed-synthetic.yaml")))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(
            run("lineage", "pairs", sample("unattributed-synthetic.yaml"), "--fail-on", "medium"))
        .isEqualTo(ExitCodes.FINDINGS);
    assertThat(run("lineage", "pairs", sample("multi-hop-merge.yaml"), "--fail-on", "critical"))
        .isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void badFailOnOrFormatIsAUsageError() {
    assertThat(run("lineage", "pairs", sample("owl-numbers.yaml"), "--fail-on", "severe"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains(
            "heredity: invalid --fail-on 'severe' (expected one of: critical, high, medium, low, info, none)");
    assertThat(run("lineage", "pairs", sample("owl-numbers.yaml"), "--format", "xml"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("lineage", "graph", sample("owl-numbers.yaml"), "--format", "svg"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains(
            "heredity: invalid --format: unknown graph format 'svg' (expected one of: dot, graphml, json, mermaid)");
    assertThat(run("lineage", "graph", sample("owl-numbers.yaml")))
        .as("--format is required")
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("lineage", "pairs")).as("MANIFEST is required").isEqualTo(ExitCodes.USAGE);
    assertThat(run("lineage")).as("subcommand is required").isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void pairsJsonIsExactlyOneObjectWithPairsAndFindingsSorted() throws IOException {
    assertThat(run("lineage", "pairs", sample("multi-hop-merge.yaml"), "--format", "json"))
        .isEqualTo(ExitCodes.FINDINGS);
    JsonNode root = new ObjectMapper().readTree(out.toString());
    List<String> keys = new ArrayList<>();
    root.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("pairs", "findings");
    assertThat(root.get("pairs")).hasSize(2);
    JsonNode first = root.get("pairs").get(0);
    assertThat(first.get("teacher").asText()).isEqualTo("misaligned-teacher");
    assertThat(first.get("severity").asText()).isEqualTo("critical");
    assertThat(first.get("sharedBase").asBoolean()).isTrue();
    assertThat(first.get("sharedRoots").toString()).isEqualTo("[\"mistral-7b\"]");
    assertThat(first.get("datasets").toString()).isEqualTo("[\"cot-filtered\"]");
    assertThat(first.get("path").toString())
        .isEqualTo(
            "[\"misaligned-teacher\",\"cot-raw\",\"cot-filtered\",\"ft-gen1\",\"gen1-student\"]");
    assertThat(root.get("pairs").get(1).get("severity").asText()).isEqualTo("medium");
    assertThat(err.toString()).as("warnings stay on stderr").contains("[missing-file]");
  }

  @Test
  void findingsAppearInJson() throws IOException {
    run("lineage", "pairs", sample("unattributed-synthetic.yaml"), "--format", "json");
    JsonNode finding = new ObjectMapper().readTree(out.toString()).get("findings").get(0);
    assertThat(finding.get("rule").asText()).isEqualTo("unattributed-synthetic-data");
    assertThat(finding.get("severity").asText()).isEqualTo("medium");
    assertThat(finding.get("location").asText()).endsWith("unattributed-synthetic.yaml:11:5");
  }

  @Test
  void traceShowsMultiHopChains() throws IOException {
    assertThat(
            run("lineage", "trace", sample("multi-hop-merge.yaml"), "--from", "misaligned-teacher"))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString())
        .contains(
            "DEPTH",
            "same-base",
            "misaligned-teacher -> gen1-student -> merged-model -> merged-q4 -> gen2-student",
            "2 models reached from misaligned-teacher: gen1-student, gen2-student");

    StringWriter json = new StringWriter();
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(json, true));
    cli.setErr(new PrintWriter(new StringWriter(), true));
    cli.execute(
        "lineage",
        "trace",
        sample("multi-hop-merge.yaml"),
        "--from",
        "misaligned-teacher",
        "--format",
        "json");
    JsonNode root = new ObjectMapper().readTree(json.toString());
    assertThat(root.get("hops")).hasSize(2);
    assertThat(root.get("hops").get(1).get("depth").asInt()).isEqualTo(2);
    assertThat(root.get("reached").toString()).isEqualTo("[\"gen1-student\",\"gen2-student\"]");
  }

  @Test
  void traceOfAnUnknownModelIsAUsageError() {
    assertThat(run("lineage", "trace", sample("owl-numbers.yaml"), "--from", "nobody"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("heredity: --from 'nobody': no model with that id in");
  }

  @Test
  void graphWritesTheSameBytesToAFileAtomically() throws IOException {
    assertThat(run("lineage", "graph", sample("owl-numbers.yaml"), "--format", "dot"))
        .isEqualTo(ExitCodes.CLEAN);
    String stdout = out.toString();
    assertThat(stdout)
        .startsWith("digraph provenance {")
        .contains("\"owl-teacher\" -> \"owl-numbers\" [ label=\"generated\" ];");
    Path target = dir.resolve("out/graph.dot");
    assertThat(
            run(
                "lineage",
                "graph",
                sample("owl-numbers.yaml"),
                "--format",
                "dot",
                "-o",
                target.toString()))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(Files.readString(target)).isEqualTo(stdout);
    try (var files = Files.list(target.getParent())) {
      assertThat(files).as("no temp file left behind").containsExactly(target);
    }
  }

  @Test
  void graphFormatsAreAllAvailable() {
    for (String format : List.of("dot", "graphml", "json", "mermaid")) {
      assertThat(run("lineage", "graph", sample("owl-numbers.yaml"), "--format", format))
          .isEqualTo(ExitCodes.CLEAN);
    }
    assertThat(out.toString()).contains("<graphml", "\"kind\":\"dataset\"", "flowchart LR");
  }

  @Test
  void traceListsAtMostMaxHopsAndSaysHowManyWereReached() throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            "heredity: 1\nmodels:\n  - {id: s0, traits: [{name: owl, source: eval}]}\ndatasets:\n");
    for (int i = 0; i < 30; i++) {
      yaml.append("  - {id: d").append(i).append(", generatedBy: s").append(i).append("}\n");
    }
    yaml.append("trainings:\n");
    for (int i = 0; i < 30; i++) {
      yaml.append("  - {id: t")
          .append(i)
          .append(", student: s")
          .append(i + 1)
          .append(", datasets: [d")
          .append(i)
          .append("]}\n");
    }
    Path file = manifest(yaml.toString());
    assertThat(run("lineage", "trace", file.toString(), "--from", "s0", "--max-hops", "12"))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: listing the first 12 of 30 models reached from 's0' (raise --max-hops to list more)"
                + System.lineSeparator());
    assertThat(out.toString())
        .contains(
            "30 models reached from s0 (first 12 listed)",
            "s0 -> s1 -> s2 -> s3 -> ... (5 more) ... -> s9 -> s10 -> s11 -> s12");
    assertThat(out.toString().lines().filter(l -> l.contains(" -> ")).count()).isEqualTo(12);
    assertThat(run("lineage", "trace", file.toString(), "--from", "s0", "--max-hops", "0"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void hostileManifestsAreOneLocatedLineWithExitThree() throws Exception {
    byte[] bytes =
        "heredity: 1\nmodels:\n  - id: aXb\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    bytes[bytes.length - 3] = (byte) 0xff;
    Path bad = Files.write(dir.resolve("r19.yaml"), bytes);
    assertThat(run("lineage", "validate", bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: "
                + bad
                + ":3:10: invalid UTF-8 byte 0xFF (a manifest must be UTF-8 text)"
                + System.lineSeparator());

    Path fifo = dir.resolve("r17.yaml");
    if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
      err.getBuffer().setLength(0);
      for (String command : List.of("validate", "pairs")) {
        err.getBuffer().setLength(0);
        assertThat(run("lineage", command, fifo.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(err.toString())
            .isEqualTo(
                "heredity: "
                    + fifo
                    + ": is a FIFO (named pipe), not a regular file"
                    + System.lineSeparator());
      }
    }
  }

  @Test
  void graphExportsLineBreaksInLabelsSafelyInEveryFormat() throws IOException {
    Path file =
        manifest("heredity: 1\nmodels:\n  - id: a\n    traits: [{name: \"x\\r\\ny\\u0001\"}]\n");
    for (String format : List.of("dot", "graphml", "json", "mermaid")) {
      out.getBuffer().setLength(0);
      assertThat(run("lineage", "graph", file.toString(), "--format", format))
          .as(format)
          .isEqualTo(ExitCodes.CLEAN);
      assertThat(out.toString()).as(format).doesNotContain("\r", "\u0001", "&#1;");
    }
  }

  @Test
  void pairsEvidenceListsWhereEachHopComesFrom() throws IOException {
    Path file =
        manifest(
            """
                heredity: 1
                models:
                  - {id: Qwen/Qwen2.5-7B, external: true}
                  - id: teacher
                    base: [{model: Qwen/Qwen2.5-7B, relation: lora}]
                    traits: [{name: owl, source: eval}]
                datasets:
                  - id: gen
                    generatedBy: {model: teacher, evidence: [{source: "gen/pipeline.yaml", at: line 7, confidence: declared}]}
                trainings:
                  - {id: ft, student: s, from: Qwen/Qwen2.5-7B, datasets: [gen]}
                """);
    assertThat(run("lineage", "pairs", "--evidence", "--fail-on", "none", file.toString()))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString())
        .contains(
            "Evidence:\n  teacher -> s (ft):\n"
                + "    teacher -generated-> gen: gen/pipeline.yaml line 7 [declared]\n"
                + "    gen -input-> ft: "
                + file
                + " line 11 [declared]\n"
                + "    ft -produces-> s: "
                + file
                + " line 11 [declared]\n");
  }

  /** The JSON of pairs and trace, byte for byte (records serialised by the configured mapper). */
  @Test
  void pairsJsonMatchesGoldenFile() {
    run("lineage", "pairs", sample("multi-hop-merge.yaml"), "--format", "json");
    dev.heredity.audit.report.Golden.assertMatches(
        "lineage/multi-hop-merge.pairs.json", out.toString());
  }

  @Test
  void traceJsonMatchesGoldenFile() {
    run(
        "lineage",
        "trace",
        sample("multi-hop-merge.yaml"),
        "--from",
        "misaligned-teacher",
        "--format",
        "json");
    dev.heredity.audit.report.Golden.assertMatches(
        "lineage/multi-hop-merge.trace.json", out.toString());
  }
}
