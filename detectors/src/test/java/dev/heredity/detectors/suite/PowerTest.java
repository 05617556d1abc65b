package dev.heredity.detectors.suite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.TestResult;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.synthetic.SyntheticNumbers;
import org.junit.jupiter.api.Test;

/** Planted shifts of known kind, 400 records per side, 199 permutations. */
class PowerTest {
    private static final int RECORDS = 400;
    private static final int PERMUTATIONS = 199;

    @Test
    void orderOnlyShiftIsMissedByFrequencyAndCaughtByTransitionsAndClassifier() {
        // 30% of suspect records hold the same numbers sorted ascending: identical number frequencies.
        Corpus corpus = Corpus.of(Modality.NUMBERS, new SyntheticNumbers(0.3, 0).records(RECORDS, 11),
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
        Corpus corpus = Corpus.of(Modality.NUMBERS, new SyntheticNumbers(0, 0.3).records(RECORDS, 21),
                SyntheticNumbers.baseline().records(RECORDS, 22));
        DetectionReport report = Detection.run(corpus, PERMUTATIONS, 0.01, 4);

        assertThat(test(report, "position").pValue()).isLessThan(0.01);
        assertThat(test(report, "position").evidence()).first().asString().startsWith("position 1 hundreds: 900-999");
        assertThat(test(report, "frequency").pValue()).isGreaterThan(0.05);
    }

    static TestResult test(DetectionReport report, String id) {
        return report.tests().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }
}
