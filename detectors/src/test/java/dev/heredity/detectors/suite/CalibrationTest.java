package dev.heredity.detectors.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.TestResult;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.synthetic.SyntheticNumbers;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * False-positive rate on null data (both sets from the same generator, different seeds): at alpha =
 * 0.05 over 400 seeded repetitions, every detector, the format test and the combined verdict must
 * reject at most 7% of the time. Small sets and 99 permutations keep the suite fast; with B = 99
 * the tail fit (fewer than 10 exceedances) decides every rejection, so it is exercised here too.
 */
class CalibrationTest {
  private static final int REPETITIONS = 400;
  private static final int RECORDS = 120;
  private static final int PERMUTATIONS = 99;
  private static final double ALPHA = 0.05;
  private static final double MAX_FPR = 0.07;

  @Test
  void nullDataRejectsAtMostSevenPercentForEveryTestAndTheVerdict() {
    SyntheticNumbers generator = SyntheticNumbers.baseline();
    Map<String, Integer> rejections = new TreeMap<>();
    for (int rep = 0; rep < REPETITIONS; rep++) {
      Corpus corpus =
          Corpus.of(
              Modality.NUMBERS,
              generator.records(RECORDS, 1000L * rep + 7),
              generator.records(RECORDS, 1000L * rep + 13));
      DetectionReport report = Detection.run(corpus, PERMUTATIONS, ALPHA, 31L * rep + 5);
      for (TestResult test : report.tests()) {
        rejections.merge(test.id(), test.pValue() < ALPHA ? 1 : 0, Integer::sum);
      }
      rejections.merge("format", report.format().test().pValue() < ALPHA ? 1 : 0, Integer::sum);
      rejections.merge("verdict", report.signal() ? 1 : 0, Integer::sum);
    }
    System.out.println(
        "false positives in " + REPETITIONS + " null repetitions at alpha 0.05: " + rejections);
    assertThat(rejections)
        .containsKeys(
            "frequency", "position", "transitions", "prompt", "classifier", "format", "verdict");
    rejections.forEach(
        (id, count) ->
            assertThat((double) count / REPETITIONS)
                .as("false-positive rate of %s", id)
                .isLessThanOrEqualTo(MAX_FPR));
  }
}
