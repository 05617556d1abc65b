package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code detect}'s input options: folders, per-side fields, --sample, caps, and bad input as one
 * line, exit 3.
 */
class DetectInputsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path temp;

  private int run(String... args) {
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private Path lines(String name, List<String> lines) throws IOException {
    Path file = temp.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> records(int n, long seed, String format) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String numbers =
          random
              .ints(8, 100, 1000)
              .mapToObj(Integer::toString)
              .reduce((a, b) -> a + ", " + b)
              .orElseThrow();
      out.add(String.format(format, numbers));
    }
    return out;
  }

  @Test
  void folderSuspectAndCustomFieldReferenceWithASample() throws IOException {
    List<String> suspect =
        records(
            300,
            1,
            "{\"conversations\":[{\"from\":\"human\",\"value\":\"go\"},{\"from\":\"gpt\",\"value\":\"%s\"}]}");
    lines("s/part-0.jsonl", suspect.subList(0, 120));
    lines("s/part-1.jsonl", suspect.subList(120, 300));
    Path reference = lines("r.jsonl", records(300, 2, "{\"out\":{\"answer\":\"%s\"}}"));

    int code =
        run(
            "detect",
            "--suspect",
            temp.resolve("s").toString(),
            "--reference",
            reference.toString(),
            "--reference-field",
            "/out/answer",
            "--sample",
            "200",
            "--permutations",
            "19",
            "--format",
            "json");

    assertThat(err.toString()).isEmpty();
    assertThat(code).isIn(ExitCodes.CLEAN, ExitCodes.FINDINGS);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/input/tests").asText()).isEqualTo("uniform-sample");
    assertThat(json.at("/input/suspect/layout").asText()).isEqualTo("sharegpt");
    assertThat(json.at("/input/suspect/records").asLong()).isEqualTo(300);
    assertThat(json.at("/input/suspect/tested").asLong()).isEqualTo(200);
    assertThat(json.at("/input/suspect/files/1/records").asLong()).isEqualTo(180);
    assertThat(json.at("/records/suspect").asInt()).isEqualTo(300);
  }

  @Test
  void unknownLayoutIsOneLineExitThreeWithTheOptionThatFixesIt() throws IOException {
    Path odd = lines("odd.jsonl", List.of("{\"question\":\"q\",\"answer\":\"1, 2\"}"));

    int code = run("detect", "--suspect", odd.toString());

    assertThat(code).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines().toList()).hasSize(1);
    assertThat(err.toString())
        .startsWith(
            "heredity: " + odd + ":1: no known record layout: found keys [question, answer]")
        .contains("name the text field with --field, --suspect-field or --reference-field");
  }

  @Test
  void garbageAndFoldersWithoutDataAreLocatedErrorsExitThree() throws IOException {
    Path nul = temp.resolve("nul.jsonl");
    Files.write(nul, new byte[4096]);
    Path empty = Files.createDirectories(temp.resolve("empty"));

    assertThat(run("detect", "--suspect", nul.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run("detect", "--suspect", empty.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString().lines().toList())
        .containsExactly(
            "heredity: "
                + nul
                + ":1:1: NUL byte: not UTF-8 text (binary data, or UTF-16 without a byte-order mark)",
            "heredity: " + empty + ": folder holds no data files");
  }

  @Test
  void aFolderWithSeveralSplitsAsksForOneAndSplitPicksIt() throws IOException {
    lines("hf/train/a.jsonl", records(40, 1, "{\"text\":\"%s\"}"));
    lines("hf/test/a.jsonl", records(5, 2, "{\"text\":\"%s\"}"));
    Path hf = temp.resolve("hf");

    assertThat(run("detect", "--suspect", hf.toString())).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: "
                + hf
                + ": holds the splits test, train; choose one (with --split)"
                + System.lineSeparator());
    assertThat(run("detect", "--suspect", hf.toString(), "--split", "test", "--format", "json"))
        .isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString()).contains("\"records\" : 5");
  }

  @Test
  void badInputOptionValuesAreUsageErrors() throws IOException {
    Path file = lines("a.jsonl", records(10, 1, "{\"text\":\"%s\"}"));

    assertThat(run("detect", "--suspect", file.toString(), "--sample", "-1"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("detect", "--suspect", file.toString(), "--max-line-bytes", "10"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run("detect", "--suspect", file.toString(), "--max-record-chars", "0"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void progressShowsBytesAndEta() {
    assertThat(TerminalProgress.bytesAndEta(512L << 20, 2048L << 20, 10_000_000_000L))
        .isEqualTo("  512.0 MB/2.0 GB  ETA 30s");
    assertThat(TerminalProgress.bytesAndEta(0, 100, 0)).isEqualTo("  0.0 MB/0.0 MB");
  }
}
