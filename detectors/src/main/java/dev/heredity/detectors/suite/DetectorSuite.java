package dev.heredity.detectors.suite;

import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.TestResult;
import dev.heredity.detectors.classifier.ClassifierOutcome;
import dev.heredity.detectors.classifier.ClassifierTest;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.permutation.PermutationRunner;
import dev.heredity.detectors.stats.TailProbability;
import dev.heredity.detectors.stats.TwoByKTable;
import dev.heredity.detectors.stats.WeightedBonferroni;
import dev.heredity.detectors.tables.FeatureTable;
import dev.heredity.detectors.tables.MergedTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.stream.IntStream;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Runs the content tests and the format test on a corpus with both sets, and combines the content
 * tests with weighted Bonferroni (they share data, so they are dependent): the classifier, the
 * strongest test, gets half of alpha and the table tests share the other half.
 */
public final class DetectorSuite {
  private static final int EVIDENCE_CELLS = 5;

  private DetectorSuite() {}

  /** The classifier's share of alpha; the table tests share the rest equally. */
  public static final double CLASSIFIER_SHARE = 0.5;

  /**
   * Content tests (in registry order, adjusted), the format test, the combined p-value, and the
   * classifier's outcome ({@code null} when it could not run) with the level it was given.
   */
  public record Outcome(
      List<TestResult> content,
      TestResult format,
      double combinedPValue,
      ClassifierOutcome classifier,
      double classifierLevel) {}

  public static Outcome run(
      Corpus corpus,
      int permutations,
      double alpha,
      long seed,
      ExecutorService pool,
      int threads,
      ProgressListener progress) {
    List<FeatureTable> tables = new ArrayList<>();
    List<TableDetector> detectors = new ArrayList<>();
    for (TableDetector detector : Detectors.CONTENT_TABLES) {
      if (detector.appliesTo(corpus)) {
        tables.add(FeatureTable.build(detector.id(), detector.table(corpus), corpus));
        detectors.add(detector);
      }
    }
    int contentTables = tables.size();
    tables.add(FeatureTable.build(Detectors.FORMAT.id(), Detectors.FORMAT.table(corpus), corpus));
    detectors.add(Detectors.FORMAT);
    MergedTables merged = new MergedTables(tables, corpus.size());
    PermutationRunner.Outcome outcome =
        new PermutationRunner(merged, corpus.suspectCount())
            .run(permutations, seed, pool, threads, progress);
    List<TestResult> results = new ArrayList<>();
    for (int t = 0; t < tables.size(); t++) {
      results.add(tableResult(detectors.get(t), merged, t, outcome));
    }
    TestResult format = results.remove(results.size() - 1);
    format =
        format.withEvidence(
            format.pValue() < alpha
                ? significantCells(merged, contentTables, outcome, alpha)
                : List.of(
                    String.format(
                        Locale.ROOT,
                        "no cell is quoted: the test is not significant (p = %.3g)",
                        format.pValue())));
    boolean classifierRuns =
        corpus.suspectCount() >= ClassifierTest.MIN_PER_SIDE
            && corpus.referenceCount() >= ClassifierTest.MIN_PER_SIDE;
    double[] weights = new double[contentTables + (classifierRuns ? 1 : 0)];
    double tableShare = classifierRuns ? 1 - CLASSIFIER_SHARE : 1;
    java.util.Arrays.fill(
        weights, 0, contentTables, contentTables == 0 ? 0 : tableShare / contentTables);
    double classifierLevel = alpha * (contentTables == 0 ? 1 : CLASSIFIER_SHARE);
    ClassifierOutcome classifier = null;
    if (classifierRuns) {
      weights[contentTables] = contentTables == 0 ? 1 : CLASSIFIER_SHARE;
      classifier = ClassifierTest.run(corpus, classifierLevel, seed, pool, threads, progress);
      results.add(classifierResult(classifier));
    }
    double[] adjusted =
        WeightedBonferroni.adjust(
            results.stream().mapToDouble(TestResult::pValue).toArray(), weights);
    List<TestResult> content = new ArrayList<>();
    double combined = 1;
    for (int i = 0; i < results.size(); i++) {
      TestResult test = results.get(i).withAdjustedPValue(adjusted[i]);
      if (i < contentTables && test.pValue() >= alpha) {
        test =
            test.withEvidence(
                List.of(
                    String.format(
                        Locale.ROOT,
                        "no cell is quoted: the test is not significant (p = %.3g, alpha = %s)",
                        test.pValue(),
                        alpha)));
      } else if (i < contentTables) {
        test = test.withEvidence(significantCells(merged, i, outcome, alpha));
      }
      content.add(test);
      combined = Math.min(combined, adjusted[i]);
    }
    return new Outcome(content, format, combined, classifier, classifierLevel);
  }

  private static TestResult classifierResult(ClassifierOutcome c) {
    List<String> evidence = new ArrayList<>();
    evidence.add(
        String.format(
            Locale.ROOT,
            "out-of-fold AUC %.4f (95%% CI %.4f-%.4f; %d suspect vs %d reference "
                + "records, %d-fold cross-fitting)",
            c.auc(),
            c.aucLow(),
            c.aucHigh(),
            c.suspect(),
            c.reference(),
            5));
    evidence.add(
        String.format(
            Locale.ROOT,
            "bag-of-8 AUC %.4f (95%% CI %.4f-%.4f)",
            c.bag8(),
            c.bag8Low(),
            c.bag8High()));
    evidence.add(
        String.format(
            Locale.ROOT,
            "bag-of-16 AUC %.4f (95%% CI %.4f-%.4f)",
            c.bag16(),
            c.bag16Low(),
            c.bag16High()));
    evidence.add(
        String.format(
            Locale.ROOT,
            "p-value from %d label permutations with every fold refitted (at most %d)",
            c.refits(),
            c.maxRefits()));
    evidence.add(
        "suspect-leaning features: "
            + (c.suspectLeaning().isEmpty() ? "none" : String.join("; ", c.suspectLeaning())));
    evidence.add(
        "reference-leaning features: "
            + (c.referenceLeaning().isEmpty() ? "none" : String.join("; ", c.referenceLeaning())));
    return new TestResult(
        Detectors.CLASSIFIER.id(),
        Detectors.CLASSIFIER.description(),
        c.auc(),
        c.pValue(),
        c.pValue(),
        c.auc(),
        evidence);
  }

  private static TestResult tableResult(
      TableDetector detector, MergedTables merged, int t, PermutationRunner.Outcome outcome) {
    FeatureTable table = merged.tables().get(t);
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
      weighted +=
          blockMass
              * TwoByKTable.jensenShannon(
                  suspect, totals, offset + table.blockStart(b), offset + table.blockEnd(b));
      mass += blockMass;
    }
    double p = TailProbability.upper(outcome.observed()[t], outcome.permuted()[t]);
    return new TestResult(
        detector.id(),
        detector.description(),
        outcome.observed()[t],
        p,
        p,
        mass == 0 ? 0 : weighted / mass,
        List.of());
  }

  private static List<String> significantCells(
      MergedTables merged, int t, PermutationRunner.Outcome outcome, double alpha) {
    FeatureTable table = merged.tables().get(t);
    return evidence(table, merged.offset(t), outcome.suspectCounts(), merged.totals(), alpha);
  }

  /**
   * The cells that contribute most to G, with each set's share of its block, kept only when the
   * cell's two-proportion z passes Bonferroni over all cells of the table. Occurrence counts are
   * not independent within a record, so this is a filter on what to quote under a significant
   * record-level test, never a test of its own.
   */
  private static List<String> evidence(
      FeatureTable table, int offset, long[] suspect, long[] totals, double alpha) {
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
      contribution[f] =
          TwoByKTable.cell(suspect[offset + f], totals[offset + f], blockSuspect[b], blockTotal[b]);
    }
    double critical =
        NormalDistribution.of(0, 1)
            .inverseSurvivalProbability(alpha / (2.0 * Math.max(1, table.features())));
    List<String> lines =
        IntStream.range(0, table.features())
            .boxed()
            .filter(f -> contribution[f] > 0)
            .filter(
                f ->
                    Math.abs(
                            TwoByKTable.proportionZ(
                                suspect[offset + f],
                                totals[offset + f],
                                blockSuspect[table.blockOf(f)],
                                blockTotal[table.blockOf(f)]))
                        >= critical)
            .sorted(
                Comparator.comparingDouble((Integer f) -> -contribution[f]).thenComparing(f -> f))
            .limit(EVIDENCE_CELLS)
            .map(
                f -> {
                  int b = table.blockOf(f);
                  long s = suspect[offset + f];
                  long r = totals[offset + f] - s;
                  long sb = blockSuspect[b];
                  long rb = blockTotal[b] - sb;
                  return String.format(
                      Locale.ROOT,
                      "%s: suspect %.2f%% (%d) vs reference %.2f%% (%d)",
                      table.name(f),
                      100.0 * s / Math.max(1, sb),
                      s,
                      100.0 * r / Math.max(1, rb),
                      r);
                })
            .toList();
    return lines.isEmpty()
        ? List.of(
            String.format(
                Locale.ROOT,
                "no single cell differs significantly after Bonferroni correction over %d cells",
                table.features()))
        : lines;
  }
}
