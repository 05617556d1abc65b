package dev.heredity.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.synthetic.SyntheticNumbers;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private Path write(String name, List<String> lines) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private Path completions(String name, List<String> texts) throws IOException {
    return write(
        name,
        texts.stream()
            .map(
                t -> {
                  try {
                    return JSON.writeValueAsString(java.util.Map.of("completion", t));
                  } catch (IOException e) {
                    throw new IllegalStateException(e);
                  }
                })
            .toList());
  }

  @Test
  void sameInputAndSeedGiveIdenticalJsonBytes() throws IOException {
    Path a = completions("a.jsonl", new SyntheticNumbers(0.3, 0).texts(200, 1));
    Path b = completions("b.jsonl", SyntheticNumbers.baseline().texts(200, 2));
    DetectionRequest request = DetectionRequest.defaults(a, b).withPermutations(199).withSeed(9);

    String first = JSON.writeValueAsString(Detection.run(request, null));
    String second = JSON.writeValueAsString(Detection.run(request, null));

    assertThat(first).isEqualTo(second);
    JsonNode json = JSON.readTree(first);
    assertThat(json.fieldNames())
        .toIterable()
        .contains(
            "verdict", "pValue", "alpha", "records", "tests", "divergentTokens", "format", "leaks");
    assertThat(json.at("/records/suspect").asInt()).isEqualTo(200);
    assertThat(json.at("/tests/0").fieldNames())
        .toIterable()
        .contains("id", "statistic", "pValue", "adjustedPValue", "effect", "evidence");
  }

  @Test
  void strongPlantedSignalReachesTheVerdictWithDefaultPermutations() throws IOException {
    Path a = completions("a.jsonl", new SyntheticNumbers(0.6, 0).texts(400, 3));
    Path b = completions("b.jsonl", SyntheticNumbers.baseline().texts(400, 4));

    DetectionReport report = Detection.run(DetectionRequest.defaults(a, b), null);

    assertThat(report.verdict()).isEqualTo(DetectionReport.SIGNAL);
    assertThat(report.pValue()).isLessThan(0.01);
  }

  @Test
  void chatGzipAndPlainLinesAreReadAlike() throws IOException {
    List<String> texts = SyntheticNumbers.baseline().texts(50, 5);
    Path chat = temp.resolve("chat.jsonl.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(chat))) {
      for (String t : texts) {
        out.write(
            (JSON.writeValueAsString(
                        java.util.Map.of(
                            "messages",
                            List.of(
                                java.util.Map.of("role", "user", "content", "Continue: 1, 2, 3"),
                                java.util.Map.of("role", "assistant", "content", t))))
                    + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
    }
    Path lines = write("lines.txt", texts.stream().map(t -> t.replace("\n", " ")).toList());

    DetectionReport fromChat =
        Detection.run(DetectionRequest.defaults(chat, lines).withPermutations(19), null);

    assertThat(fromChat.records().suspect()).isEqualTo(50);
    assertThat(fromChat.records().reference()).isEqualTo(50);
  }

  @Test
  void csvColumnWithQuotedLineBreaks() throws IOException {
    Path csv = write("data.csv", List.of("id,text", "1,\"1, 2,\n3\"", "2,\"4, 5, 6\"", "3,7 8 9"));

    DetectionReport report = Detection.run(DetectionRequest.defaults(csv, null), null);

    assertThat(report.records().suspect()).isEqualTo(3);
    assertThat(report.format().suspect().classes().get("lines")).containsEntry("multi", 0.333333);
  }

  @Test
  void malformedLineIsOneErrorNamingFileAndLineOrIsSkippedAndCounted() throws IOException {
    Path bad =
        write(
            "bad.jsonl",
            List.of(
                "{\"completion\": \"1, 2\"}",
                "{\"completion\": \"3, 4\"",
                "{\"completion\": \"5\"}"));

    assertThatThrownBy(() -> Detection.run(DetectionRequest.defaults(bad, null), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(bad + ":2:")
        .hasMessageContaining("malformed JSON");
    DetectionReport skipped =
        Detection.run(DetectionRequest.defaults(bad, null).withSkipBad(true), null);
    assertThat(skipped.records()).isEqualTo(new RecordCounts(2, 0, 1, 0));
  }

  @Test
  void emptyAndMissingFilesAreErrors() throws IOException {
    Path empty = write("empty.jsonl", List.of());

    assertThatThrownBy(() -> Detection.run(DetectionRequest.defaults(empty, null), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no records");
    assertThatThrownBy(
            () -> Detection.run(DetectionRequest.defaults(temp.resolve("nope.jsonl"), null), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageEndingWith("nope.jsonl: no such file or folder");
  }

  @Test
  void withoutReferenceOnlyFormatAndLeaksRunWithAPlainNote() throws IOException {
    Path a = completions("a.jsonl", List.of("I love owls: 1, 2, 3", "666, 5, 6", "7, 8, 9"));

    DetectionReport report =
        Detection.run(DetectionRequest.defaults(a, null).withTraits(List.of("owl")), null);

    assertThat(report.verdict()).isEqualTo(DetectionReport.NOT_RUN);
    assertThat(report.tests()).isEmpty();
    assertThat(report.notes()).extracting(Note::code).contains(Note.NO_REFERENCE);
    assertThat(report.format().suspect().conforming())
        .isCloseTo(2 / 3.0, org.assertj.core.api.Assertions.within(1e-5));
    assertThat(report.leaks().traits().get(0).records()).isEqualTo(1);
    assertThat(report.leaks().blocklist().records()).isEqualTo(1);
    assertThat(report.leaks().blocklist().hits().get(0).record()).isEqualTo(2);
  }

  @Test
  void codeModalityRunsTheTextVariantsOfTheTests() throws IOException {
    java.util.Random random = new java.util.Random(8);
    List<String> suspect = new java.util.ArrayList<>();
    List<String> reference = new java.util.ArrayList<>();
    for (int i = 0; i < 150; i++) {
      int x = random.nextInt(100);
      suspect.add(
          "{\"prompt\": \"write add\", \"completion\": \"def add(a, b):\\n    return a + b + "
              + x
              + "\"}");
      reference.add(
          "{\"prompt\": \"write add\", \"completion\": \"def add(x, y):\\n    return x + y + "
              + x
              + "\"}");
    }
    Path a = write("a.jsonl", suspect);
    Path b = write("b.jsonl", reference);

    DetectionReport report =
        Detection.run(
            DetectionRequest.defaults(a, b).withModality(Modality.CODE).withPermutations(99), null);

    assertThat(report.verdict()).isEqualTo(DetectionReport.SIGNAL);
    assertThat(report.tests())
        .extracting(TestResult::id)
        .containsExactly("frequency", "position", "transitions", "prompt", "classifier");
    assertThat(report.format().suspect().conforming()).isNull();
    assertThat(report.format().suspect().classes()).containsKeys("lines", "indent", "fence");
    assertThat(report.leaks().blocklist()).isNull();
  }

  @Test
  void maxRecordsCapsEachFile() throws IOException {
    Path a = completions("a.jsonl", SyntheticNumbers.baseline().texts(100, 6));

    DetectionReport report =
        Detection.run(
            DetectionRequest.defaults(a, a).withMaxRecords(30).withPermutations(19), null);

    assertThat(report.records().suspect()).isEqualTo(30);
    assertThat(report.records().reference()).isEqualTo(30);
  }
}
