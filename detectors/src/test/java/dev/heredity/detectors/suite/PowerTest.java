package dev.heredity.detectors.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.TestResult;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.input.TextRecord;
import dev.heredity.detectors.synthetic.SyntheticNumbers;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Planted shifts of known kind for every table detector and the classifier, 400 records per side,
 * 199 permutations.
 */
class PowerTest {
  private static final int RECORDS = 400;
  private static final int PERMUTATIONS = 199;

  @Test
  void orderOnlyShiftIsMissedByFrequencyAndCaughtByTransitionsAndClassifier() {
    // 30% of suspect records hold the same numbers sorted ascending: identical number frequencies.
    Corpus corpus =
        Corpus.of(
            Modality.NUMBERS,
            new SyntheticNumbers(0.3, 0).records(RECORDS, 11),
            SyntheticNumbers.baseline().records(RECORDS, 12));
    DetectionReport report = Detection.run(corpus, PERMUTATIONS, 0.01, 3);

    assertThat(test(report, "frequency").pValue()).isGreaterThan(0.05);
    assertThat(test(report, "transitions").pValue()).isLessThan(0.01);
    assertThat(test(report, "classifier").pValue()).isLessThan(0.01);
    assertThat(report.verdict()).isEqualTo(DetectionReport.SIGNAL);
  }

  @Test
  void firstPositionShiftIsCaughtByPosition() {
    // 30% of suspect records start with their largest number; the numbers themselves are unchanged.
    Corpus corpus =
        Corpus.of(
            Modality.NUMBERS,
            new SyntheticNumbers(0, 0.3).records(RECORDS, 21),
            SyntheticNumbers.baseline().records(RECORDS, 22));
    DetectionReport report = Detection.run(corpus, PERMUTATIONS, 0.01, 4);

    assertThat(test(report, "position").pValue()).isLessThan(0.01);
    assertThat(test(report, "position").evidence())
        .first()
        .asString()
        .startsWith("position 1 hundreds: 900-999");
    assertThat(test(report, "frequency").pValue()).isGreaterThan(0.05);
  }

  @Test
  void promptEchoShiftIsCaughtByPromptWhileTheAnswersAreUnchanged() {
    // 30% of suspect prompts are rewritten to start with the answer's first number: same answers,
    // new echo.
    List<TextRecord> suspect = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(5);
    for (TextRecord r : SyntheticNumbers.baseline().records(RECORDS, 31)) {
      String first = r.text().replaceAll("^\\D*(\\d+).*$", "$1").split("\\D")[0];
      suspect.add(
          random.nextDouble() < 0.3
              ? new TextRecord(
                  r.line(),
                  "The sequence starts with: " + first + ", 417, 902. Add up to 10 new numbers.",
                  r.text())
              : r);
    }
    Corpus corpus =
        Corpus.of(Modality.NUMBERS, suspect, SyntheticNumbers.baseline().records(RECORDS, 32));
    DetectionReport report = Detection.run(corpus, PERMUTATIONS, 0.01, 6);

    assertThat(test(report, "prompt").pValue()).isLessThan(0.01);
    assertThat(test(report, "frequency").pValue()).isGreaterThan(0.01);
    assertThat(test(report, "prompt").evidence())
        .first()
        .asString()
        .startsWith("first-echoed: yes");
  }

  @Test
  void bracketShiftIsCaughtByTheFormatTest() {
    // 30% of suspect records gain square brackets; the numbers and their order are unchanged.
    List<TextRecord> suspect = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(7);
    for (TextRecord r : SyntheticNumbers.baseline().records(RECORDS, 41)) {
      boolean plain =
          Character.isDigit(r.text().charAt(0))
              && Character.isDigit(r.text().charAt(r.text().length() - 1));
      suspect.add(
          plain && random.nextDouble() < 0.3
              ? new TextRecord(r.line(), r.prompt(), "[" + r.text() + "]")
              : r);
    }
    Corpus corpus =
        Corpus.of(Modality.NUMBERS, suspect, SyntheticNumbers.baseline().records(RECORDS, 42));
    DetectionReport report = Detection.run(corpus, PERMUTATIONS, 0.01, 7);

    assertThat(report.format().test().pValue()).isLessThan(0.01);
    assertThat(report.format().test().evidence()).anySatisfy(e -> assertThat(e).contains("[]"));
    assertThat(test(report, "frequency").pValue()).isGreaterThan(0.01);
  }

  static TestResult test(DetectionReport report, String id) {
    return report.tests().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }
}
