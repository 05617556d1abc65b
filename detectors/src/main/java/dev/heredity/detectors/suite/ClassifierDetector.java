package dev.heredity.detectors.suite;

import dev.heredity.detectors.TestResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Classifier two-sample test: logistic regression on the features of the content tables, trained on a
 * seeded, stratified half of the records and scored on the other half. Under the null the held-out scores
 * of the two sets are exchangeable, so the one-sided Mann-Whitney test on them is exact (an AUC pooled over
 * cross-validation folds is not: its folds share training data). Bag AUCs average the held-out scores of
 * 8 and 16 records, showing how separable the sets become when records are pooled.
 */
public final class ClassifierDetector implements Detector {
    private static final int[] BAGS = {8, 16};
    private static final int TOP_FEATURES = 5;

    @Override
    public String id() {
        return "classifier";
    }

    @Override
    public String description() {
        return "logistic regression on the content features; held-out AUC with an exact Mann-Whitney p-value";
    }

    /** The result, or {@code null} when there are too few records to hold any out. */
    public TestResult test(MergedTables rows, int features, int suspect, long seed) {
        int n = rows.records();
        int[] suspectRows = shuffled(IntStream.range(0, suspect).toArray(), seed ^ 0x5EED5EEDL);
        int[] referenceRows = shuffled(IntStream.range(suspect, n).toArray(), seed ^ 0x0DDBA11L);
        int suspectTrain = suspectRows.length / 2;
        int referenceTrain = referenceRows.length / 2;
        if (suspectRows.length - suspectTrain < 2 || referenceRows.length - referenceTrain < 2 || suspectTrain < 1
                || referenceTrain < 1) {
            return null;
        }
        int[] train = IntStream.concat(Arrays.stream(suspectRows, 0, suspectTrain),
                Arrays.stream(referenceRows, 0, referenceTrain)).toArray();
        Arrays.sort(train);
        LogisticRegression model = LogisticRegression.train(rows, features, train, suspect, seed ^ 0x10617L);
        double[] x = Arrays.stream(suspectRows, suspectTrain, suspectRows.length).mapToDouble(model::score).toArray();
        double[] y = Arrays.stream(referenceRows, referenceTrain, referenceRows.length).mapToDouble(model::score).toArray();
        MannWhitneyUTest.Result held = mannWhitney(x, y);
        double auc = held.getStatistic() / ((double) x.length * y.length);
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "held-out AUC %.4f (%d suspect vs %d reference records)", auc,
                x.length, y.length));
        for (int bag : BAGS) {
            double[] bx = bagMeans(x, bag);
            double[] by = bagMeans(y, bag);
            if (bx.length >= 2 && by.length >= 2) {
                MannWhitneyUTest.Result bagged = mannWhitney(bx, by);
                evidence.add(String.format(Locale.ROOT, "bag-of-%d AUC %.4f (%d vs %d bags, Mann-Whitney p %.3g)", bag,
                        bagged.getStatistic() / ((double) bx.length * by.length), bx.length, by.length,
                        bagged.getPValue()));
            }
        }
        evidence.add("suspect-leaning features: " + topFeatures(rows, features, model, true));
        evidence.add("reference-leaning features: " + topFeatures(rows, features, model, false));
        // All held-out scores tied (e.g. records without features): no evidence either way.
        double p = Double.isNaN(held.getPValue()) ? 1 : held.getPValue();
        return new TestResult(id(), description(), held.getStatistic(), p, p, Double.isNaN(auc) ? 0.5 : auc, evidence);
    }

    private static MannWhitneyUTest.Result mannWhitney(double[] x, double[] y) {
        return MannWhitneyUTest.withDefaults().with(AlternativeHypothesis.GREATER_THAN).test(x, y);
    }

    /** Means of consecutive groups of {@code size} scores (the order is already a seeded shuffle). */
    private static double[] bagMeans(double[] scores, int size) {
        double[] means = new double[scores.length / size];
        for (int b = 0; b < means.length; b++) {
            double sum = 0;
            for (int i = 0; i < size; i++) {
                sum += scores[b * size + i];
            }
            means[b] = sum / size;
        }
        return means;
    }

    private static String topFeatures(MergedTables rows, int features, LogisticRegression model, boolean positive) {
        Comparator<Integer> byWeight = Comparator.comparingDouble(f -> positive ? -model.weight(f) : model.weight(f));
        return IntStream.range(0, features).boxed()
                .filter(f -> positive ? model.weight(f) > 0 : model.weight(f) < 0)
                .sorted(byWeight.thenComparing(f -> f))
                .limit(TOP_FEATURES)
                .map(f -> String.format(Locale.ROOT, "%s (%+.3f)", rows.name(f), model.weight(f)))
                .reduce((a, b) -> a + "; " + b).orElse("none");
    }

    private static int[] shuffled(int[] values, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = values[i];
            values[i] = values[j];
            values[j] = t;
        }
        return values;
    }
}
