package dev.heredity.detectors.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.inference.GTest;
import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void gStatisticMatchesCommonsStatisticsOnA2xKTable() {
    long[] suspect = {10, 25, 3, 40};
    long[] reference = {14, 20, 9, 31};
    long[] total = new long[4];
    for (int k = 0; k < 4; k++) {
      total[k] = suspect[k] + reference[k];
    }
    double expected = GTest.withDefaults().statistic(new long[][] {suspect, reference});

    assertThat(TwoByKTable.statistic(suspect, total, 0, 4)).isCloseTo(expected, within(1e-9));
  }

  @Test
  void jensenShannonIsZeroForEqualAndOneForDisjointDistributions() {
    assertThat(TwoByKTable.jensenShannon(new long[] {5, 5}, new long[] {10, 10}, 0, 2))
        .isCloseTo(0, within(1e-12));
    assertThat(TwoByKTable.jensenShannon(new long[] {5, 0}, new long[] {5, 7}, 0, 2))
        .isCloseTo(1, within(1e-12));
  }

  @Test
  void benjaminiYekutieliMatchesR() {
    // R: p.adjust(c(0.001, 0.01, 0.04, 0.5), method = "BY")  ->  0.008333333 0.041666667
    // 0.111111111 1
    double[] adjusted = BenjaminiYekutieli.adjust(new double[] {0.04, 0.001, 0.5, 0.01});

    assertThat(adjusted[0]).isCloseTo(0.111111111, within(1e-8));
    assertThat(adjusted[1]).isCloseTo(0.008333333, within(1e-8));
    assertThat(adjusted[2]).isEqualTo(1.0);
    assertThat(adjusted[3]).isCloseTo(0.041666667, within(1e-8));
  }

  @Test
  void permutationCountIsUsedWheneverAPermutationReachesTheObservedValue() {
    double[] permuted = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19};

    assertThat(TailProbability.upper(17, permuted)).isEqualTo(4 / 20.0);
    assertThat(TailProbability.upper(19, permuted)).isEqualTo(2 / 20.0);
  }

  @Test
  void beyondEveryPermutationTheFittedTailMatchesTheTrueGammaTail() {
    GammaDistribution truth = GammaDistribution.of(4, 2);
    SplittableRandom random = new SplittableRandom(7);
    double[] sample = new double[20_000];
    for (int i = 0; i < sample.length; i++) {
      sample[i] = truth.inverseCumulativeProbability(random.nextDouble());
    }
    double x = truth.inverseSurvivalProbability(1e-6);

    double p = TailProbability.upper(x, sample);

    assertThat(Math.log10(p)).isCloseTo(-6, within(0.5));
    assertThat(TailProbability.upper(1e9, sample)).isEqualTo(TailProbability.SMALLEST);
  }
}
