package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code detect --sample}: the same seed gives the same bytes; another seed another sample. */
class DetectSampleSeedTest {
  @TempDir Path temp;

  private Path file(String name, long seed) throws IOException {
    Random random = new Random(seed);
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      String numbers =
          random
              .ints(8, 100, 1000)
              .mapToObj(Integer::toString)
              .reduce((a, b) -> a + ", " + b)
              .orElseThrow();
      lines.add("{\"prompt\":\"go\",\"completion\":\"" + numbers + "\"}");
    }
    Path file = temp.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private CliRun detect(Path suspect, Path reference, String seed) {
    return CliRun.of(
        "detect",
        "--suspect",
        suspect.toString(),
        "--reference",
        reference.toString(),
        "--sample",
        "120",
        "--permutations",
        "19",
        "--seed",
        seed,
        "--format",
        "json");
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherSample() throws IOException {
    Path suspect = file("s.jsonl", 1);
    Path reference = file("r.jsonl", 2);

    CliRun first = detect(suspect, reference, "5");
    CliRun again = detect(suspect, reference, "5");
    CliRun other = detect(suspect, reference, "6");

    assertThat(first.err()).isEmpty();
    assertThat(again.out()).isEqualTo(first.out());
    JsonNode a = new ObjectMapper().readTree(first.out());
    JsonNode b = new ObjectMapper().readTree(other.out());
    assertThat(a.at("/input/tests").asText()).isEqualTo("uniform-sample");
    assertThat(a.at("/input/seed").asLong()).isEqualTo(5);
    assertThat(b.at("/input/seed").asLong()).isEqualTo(6);
    assertThat(b.at("/input/suspect/tested").asLong()).isEqualTo(120);
    assertThat(b.at("/input/suspect/records").asLong()).isEqualTo(300);
    assertThat(b.path("pValue").isNumber()).isTrue();
    assertThat(b.at("/pValue").asDouble()).isBetween(0.0, 1.0);
    // Another seed draws another sample: the token counts of the tested records differ.
    assertThat(b.at("/tests").toString()).isNotEqualTo(a.at("/tests").toString());
  }
}
