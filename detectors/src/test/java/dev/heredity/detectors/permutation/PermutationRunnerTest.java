package dev.heredity.detectors.permutation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.suite.Detectors;
import dev.heredity.detectors.synthetic.SyntheticNumbers;
import dev.heredity.detectors.tables.FeatureTable;
import dev.heredity.detectors.tables.MergedTables;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class PermutationRunnerTest {

  private static PermutationRunner.Outcome run(Corpus corpus, int threads) {
    List<FeatureTable> tables =
        Detectors.CONTENT_TABLES.stream()
            .map(d -> FeatureTable.build(d.id(), d.table(corpus), corpus))
            .toList();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      return new PermutationRunner(new MergedTables(tables, corpus.size()), corpus.suspectCount())
          .run(53, 17, pool, threads, ProgressListener.NONE);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void resultsDoNotDependOnTheThreadCount() {
    Corpus corpus =
        Corpus.of(
            Modality.NUMBERS,
            SyntheticNumbers.baseline().records(90, 1),
            SyntheticNumbers.baseline().records(60, 2));

    PermutationRunner.Outcome one = run(corpus, 1);
    PermutationRunner.Outcome three = run(corpus, 3);

    assertThat(three.observed()).containsExactly(one.observed());
    for (int d = 0; d < one.permuted().length; d++) {
      assertThat(three.permuted()[d]).containsExactly(one.permuted()[d]);
    }
  }

  @Test
  void identicalSetsGiveAZeroObservedStatisticAndFiniteNonNegativePermutations() {
    Corpus corpus =
        Corpus.of(
            Modality.NUMBERS,
            SyntheticNumbers.baseline().records(40, 3),
            SyntheticNumbers.baseline().records(40, 3));

    PermutationRunner.Outcome outcome = run(corpus, 2);

    assertThat(java.util.Arrays.stream(outcome.observed()).allMatch(v -> Math.abs(v) < 1e-9))
        .isTrue();
    for (double[] stats : outcome.permuted()) {
      assertThat(java.util.Arrays.stream(stats).allMatch(v -> Double.isFinite(v) && v >= 0))
          .isTrue();
      assertThat(java.util.Arrays.stream(stats).max().orElseThrow()).isPositive();
    }
  }
}
