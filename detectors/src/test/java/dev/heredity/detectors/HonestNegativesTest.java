package dev.heredity.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.synthetic.SyntheticNumbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Negatives say what they could have missed; no input slip produces a silent no-signal or a NaN.
 */
class HonestNegativesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path temp;

  private Path completions(String name, List<String> texts) throws IOException {
    List<String> lines = new ArrayList<>();
    for (String t : texts) {
      lines.add(JSON.writeValueAsString(Map.of("completion", t)));
    }
    Path file = temp.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> code(int n, long seed, String variable) {
    Random random = new Random(seed);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(
          "def f("
              + variable
              + "):\n    total = "
              + variable
              + " * "
              + random.nextInt(50)
              + "\n"
              + "    return total + "
              + random.nextInt(9)
              + ";");
    }
    return out;
  }

  @Test
  void codeWithoutADeclaredModalityIsDetectedReportedAndTestedWithoutNaN() throws IOException {
    Path a = completions("a.jsonl", code(120, 1, "x"));
    Path b = completions("b.jsonl", code(120, 2, "y"));

    DetectionReport report =
        Detection.run(DetectionRequest.defaults(a, b).withPermutations(99), null);

    assertThat(report.modality().modality()).isEqualTo("code");
    assertThat(report.modality().source()).isEqualTo(ModalityChoice.DETECTED);
    assertThat(report.notes()).extracting(Note::code).contains(Note.MODALITY_DETECTED);
    assertThat(report.verdict()).isEqualTo(DetectionReport.SIGNAL);
    assertThat(JSON.writeValueAsString(report)).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void numbersDeclaredOnRecordsWithoutNumbersIsAnError() throws IOException {
    List<String> prose = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      prose.add(
          "the owl flew over the quiet meadow at dusk, record " + "abcdefghij".charAt(i % 10));
    }
    Path a = completions("a.jsonl", prose);

    assertThatThrownBy(
            () ->
                Detection.run(DetectionRequest.defaults(a, a).withModality(Modality.NUMBERS), null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("modality 'numbers' declared")
        .hasMessageContaining("0.0%");
  }

  @Test
  void tooFewRecordsForAnyEffectSizeIsInconclusiveNotNoSignal() {
    SyntheticNumbers generator = SyntheticNumbers.baseline();
    Corpus corpus = Corpus.of(Modality.NUMBERS, generator.records(40, 1), generator.records(40, 2));

    DetectionReport report = Detection.run(corpus, 99, 0.01, 1);

    assertThat(report.verdict()).isEqualTo(DetectionReport.INCONCLUSIVE);
    assertThat(report.power()).isNotNull();
    assertThat(report.power().adequate()).isFalse();
    assertThat(report.power().minimumDetectableAuc()).isGreaterThan(report.power().yardstickAuc());
    assertThat(report.power().recordsNeededPerSide()).isGreaterThan(40);
    assertThat(report.notes()).extracting(Note::code).contains(Note.UNDERPOWERED);
  }

  @Test
  void setsTooSmallForTheClassifierAreInconclusiveWithANote() {
    SyntheticNumbers generator = SyntheticNumbers.baseline();
    Corpus corpus = Corpus.of(Modality.NUMBERS, generator.records(6, 1), generator.records(6, 2));

    DetectionReport report = Detection.run(corpus, 99, 0.01, 1);

    assertThat(report.verdict()).isEqualTo(DetectionReport.INCONCLUSIVE);
    assertThat(report.classifier()).isNull();
    assertThat(report.notes())
        .extracting(Note::code)
        .contains(Note.CLASSIFIER_SKIPPED, Note.UNDERPOWERED);
  }

  @Test
  void minimumDetectableEffectShrinksWithMoreRecords() {
    SyntheticNumbers generator = SyntheticNumbers.baseline();
    DetectionReport small =
        Detection.run(
            Corpus.of(Modality.NUMBERS, generator.records(100, 1), generator.records(100, 2)),
            99,
            0.01,
            1);
    DetectionReport large =
        Detection.run(
            Corpus.of(Modality.NUMBERS, generator.records(400, 3), generator.records(400, 4)),
            99,
            0.01,
            1);

    // The null spread of an AUC falls as 1/sqrt(n): four times the records, about half the distance
    // to 0.5.
    double ratio =
        (small.power().minimumDetectableAuc() - 0.5) / (large.power().minimumDetectableAuc() - 0.5);
    assertThat(ratio).isBetween(1.5, 2.7);
  }

  @Test
  void nullDataQuotesNoTokenAsEvidenceAndSaysSo() {
    SyntheticNumbers generator = SyntheticNumbers.baseline();
    Corpus corpus =
        Corpus.of(Modality.NUMBERS, generator.records(300, 5), generator.records(300, 6));

    DetectionReport report = Detection.run(corpus, 99, 0.01, 2);

    assertThat(report.signal()).isFalse();
    assertThat(report.divergentTokens()).isEmpty();
    assertThat(report.notes()).extracting(Note::code).contains(Note.NO_SIGNIFICANT_TOKENS);
    report.tests().stream()
        .filter(t -> !t.id().equals("classifier") && t.pValue() >= 0.01)
        .forEach(
            t ->
                assertThat(t.evidence())
                    .singleElement()
                    .asString()
                    .startsWith("no cell is quoted"));
  }
}
