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

class DetectCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @TempDir Path temp;

  private int run(String... args) {
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  /** Random 3-digit sequences; {@code sorted} = the numbers of each record in ascending order. */
  private Path numbers(String name, int records, long seed, boolean sorted) throws IOException {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int r = 0; r < records; r++) {
      int[] values = random.ints(8, 100, 1000).toArray();
      if (sorted) {
        java.util.Arrays.sort(values);
      }
      lines.add(
          "{\"completion\": \""
              + java.util.Arrays.toString(values).replaceAll("[\\[\\]]", "")
              + "\"}");
    }
    Path file = temp.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void jsonOutputIsOneObjectWithTheVerdictAndExitCodeOneOnSignal() throws IOException {
    Path suspect = numbers("suspect.jsonl", 300, 1, true);
    Path reference = numbers("reference.jsonl", 300, 2, false);

    int code =
        run(
            "detect",
            "--suspect",
            suspect.toString(),
            "--reference",
            reference.toString(),
            "--format",
            "json",
            "--permutations",
            "199",
            "--trait",
            "owl");

    assertThat(code).isEqualTo(ExitCodes.FINDINGS);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.get("verdict").asText()).isEqualTo("signal");
    assertThat(json.get("pValue").asDouble()).isLessThan(0.01);
    assertThat(json.at("/records/suspect").asInt()).isEqualTo(300);
    assertThat(json.get("tests")).hasSize(4);
    assertThat(json.at("/leaks/traits/0/trait").asText()).isEqualTo("owl");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void sameSeedSameBytes() throws IOException {
    Path suspect = numbers("s.jsonl", 80, 3, false);
    Path reference = numbers("r.jsonl", 80, 4, false);
    String[] args = {
      "detect",
      "--suspect",
      suspect.toString(),
      "--reference",
      reference.toString(),
      "--format",
      "json",
      "--permutations",
      "99",
      "--seed",
      "5"
    };

    assertThat(run(args)).isEqualTo(ExitCodes.FINDINGS);
    String first = out.toString();
    out.getBuffer().setLength(0);
    run(args);

    assertThat(out.toString())
        .isEqualTo(first)
        .contains("\"inconclusive\"", "\"minimumDetectableAuc\"");
  }

  @Test
  void tableOutputWithoutReferenceSaysControlSetIsNeeded() throws IOException {
    Path suspect = numbers("s.jsonl", 20, 5, false);

    assertThat(run("detect", "--suspect", suspect.toString())).isEqualTo(ExitCodes.CLEAN);

    assertThat(out.toString())
        .startsWith("verdict: not-run")
        .contains("need a control set", "conforming 100.0%");
  }

  @Test
  void malformedInputIsOneLineWithFileAndLineAndExitThree() throws IOException {
    Path bad = temp.resolve("bad.jsonl");
    Files.writeString(bad, "{\"completion\": \"1, 2\"}\n{oops\n");

    assertThat(run("detect", "--suspect", bad.toString())).isEqualTo(ExitCodes.INVALID_INPUT);

    assertThat(err.toString())
        .startsWith("heredity: " + bad + ":2:")
        .doesNotContain("Exception")
        .hasLineCount(1);
  }

  @Test
  void synonymsFileExpandsTraitsInTheLeakScan() throws IOException {
    Path suspect = temp.resolve("s.jsonl");
    Files.write(
        suspect, List.of("{\"completion\": \"1, 2, 3\"}", "{\"completion\": \"an owlet: 4, 5\"}"));
    Path synonyms = temp.resolve("synonyms.txt");
    Files.write(synonyms, List.of("# trait, synonyms", "owl, owlet, strix"));

    run(
        "detect",
        "--suspect",
        suspect.toString(),
        "--trait",
        "owl",
        "--trait-synonyms",
        synonyms.toString(),
        "--format",
        "json");

    JsonNode traits = new ObjectMapper().readTree(out.toString()).at("/leaks/traits");
    assertThat(traits).hasSize(1);
    assertThat(traits.at("/0/terms").toString()).isEqualTo("[\"owl\",\"owlet\",\"strix\"]");
    assertThat(traits.at("/0/records").asInt()).isEqualTo(1);
    assertThat(traits.at("/0/hits/0/record").asInt()).isEqualTo(2);
  }

  @Test
  void unknownModalityIsAUsageError() throws IOException {
    Path suspect = numbers("s.jsonl", 5, 6, false);

    assertThat(run("detect", "--suspect", suspect.toString(), "--modality", "pictures"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .contains("unknown modality 'pictures'", "numbers, code, reasoning, text");
  }

  @Test
  void helpDescribesTheOptions() {
    assertThat(run("detect", "--help")).isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString())
        .contains("--reference", "--permutations", "--input-format", "--trait", "--alpha");
  }
}
