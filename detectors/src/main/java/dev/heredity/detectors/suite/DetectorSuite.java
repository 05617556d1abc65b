package dev.heredity.detectors.suite;

import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.TestResult;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.stats.BenjaminiYekutieli;
import dev.heredity.detectors.stats.GTest;
import dev.heredity.detectors.stats.TailProbability;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;

/**
 * Runs the content tests and the format test on a corpus with both sets, and combines the content tests
 * with Benjamini-Yekutieli (they share data, so they are dependent).
 */
public final class DetectorSuite {
    private static final int EVIDENCE_CELLS = 5;

    private DetectorSuite() {
    }

    /** Content tests (in registry order, adjusted), the format test, and the combined p-value. */
    public record Outcome(List<TestResult> content, TestResult format, double combinedPValue) {
    }

    public static Outcome run(Corpus corpus, int permutations, long seed, ExecutorService pool, int threads,
            ProgressListener progress) {
        List<FeatureTable> tables = new ArrayList<>();
        for (TableDetector detector : Detectors.CONTENT_TABLES) {
            if (detector.appliesTo(corpus)) {
                tables.add(FeatureTable.build(detector, corpus));
            }
        }
        int contentTables = tables.size();
        tables.add(FeatureTable.build(Detectors.FORMAT, corpus));
        MergedTables merged = new MergedTables(tables, corpus.size());
        PermutationRunner.Outcome outcome = new PermutationRunner(merged, corpus.suspectCount())
                .run(permutations, seed, pool, threads, progress);
        List<TestResult> results = new ArrayList<>();
        for (int t = 0; t < tables.size(); t++) {
            results.add(tableResult(merged, t, outcome));
        }
        TestResult format = results.remove(results.size() - 1);
        TestResult classifier = Detectors.CLASSIFIER.test(merged, merged.offset(contentTables),
                corpus.suspectCount(), seed);
        if (classifier != null) {
            results.add(classifier);
        }
        double[] adjusted = BenjaminiYekutieli.adjust(results.stream().mapToDouble(TestResult::pValue).toArray());
        List<TestResult> content = new ArrayList<>();
        double combined = 1;
        for (int i = 0; i < results.size(); i++) {
            content.add(results.get(i).withAdjustedPValue(adjusted[i]));
            combined = Math.min(combined, adjusted[i]);
        }
        return new Outcome(content, format, combined);
    }

    private static TestResult tableResult(MergedTables merged, int t, PermutationRunner.Outcome outcome) {
        FeatureTable table = merged.tables().get(t);
        TableDetector detector = table.detector();
        long[] suspect = outcome.suspectCounts();
        long[] totals = merged.totals();
        int offset = merged.offset(t);
        double weighted = 0;
        long mass = 0;
        for (int b = 0; b < table.blocks(); b++) {
            long blockMass = 0;
            for (int f = table.blockStart(b); f < table.blockEnd(b); f++) {
                blockMass += totals[offset + f];
            }
            weighted += blockMass * GTest.jensenShannon(suspect, totals, offset + table.blockStart(b),
                    offset + table.blockEnd(b));
            mass += blockMass;
        }
        double p = TailProbability.upper(outcome.observed()[t], outcome.permuted()[t]);
        return new TestResult(detector.id(), detector.description(), outcome.observed()[t], p, p,
                mass == 0 ? 0 : weighted / mass, evidence(table, offset, suspect, totals));
    }

    /** The cells that contribute most to G, with each set's share of its block. */
    private static List<String> evidence(FeatureTable table, int offset, long[] suspect, long[] totals) {
        long[] blockSuspect = new long[table.blocks()];
        long[] blockTotal = new long[table.blocks()];
        for (int b = 0; b < table.blocks(); b++) {
            for (int f = table.blockStart(b); f < table.blockEnd(b); f++) {
                blockSuspect[b] += suspect[offset + f];
                blockTotal[b] += totals[offset + f];
            }
        }
        double[] contribution = new double[table.features()];
        for (int f = 0; f < table.features(); f++) {
            int b = table.blockOf(f);
            contribution[f] = GTest.cell(suspect[offset + f], totals[offset + f], blockSuspect[b], blockTotal[b]);
        }
        return IntStream.range(0, table.features()).boxed()
                .filter(f -> contribution[f] > 0)
                .sorted(Comparator.comparingDouble((Integer f) -> -contribution[f]).thenComparing(f -> f))
                .limit(EVIDENCE_CELLS)
                .map(f -> {
                    int b = table.blockOf(f);
                    long s = suspect[offset + f];
                    long r = totals[offset + f] - s;
                    long sb = blockSuspect[b];
                    long rb = blockTotal[b] - sb;
                    return String.format(Locale.ROOT, "%s: suspect %.2f%% (%d) vs reference %.2f%% (%d)",
                            table.name(f), 100.0 * s / Math.max(1, sb), s, 100.0 * r / Math.max(1, rb), r);
                })
                .toList();
    }
}
