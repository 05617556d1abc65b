package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {
  @Test
  void matchesBruteForceOnSmallMatricesIncludingTies() {
    SplittableRandom rng = new SplittableRandom(3);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + rng.nextInt(7);
      float[] cost = new float[n * n];
      boolean ties = trial % 2 == 0;
      for (int i = 0; i < cost.length; i++) {
        cost[i] = ties ? rng.nextInt(4) : (float) rng.nextDouble();
      }
      int[] x = LinearAssignment.minimise(cost.clone(), n);
      assertThat(isPermutation(x)).isTrue();
      assertThat(total(cost, x, n))
          .isCloseTo(bruteForce(cost, n), org.assertj.core.data.Offset.offset(1e-5));
    }
  }

  @Test
  void recoversAHiddenPermutationOfAWideNoisyMatrix() {
    SplittableRandom rng = new SplittableRandom(5);
    int n = 600;
    int[] hidden = TinyLlama.permutation(n, rng);
    float[] score = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        score[i * n + j] = (float) (rng.nextDouble() * 0.5 + (hidden[i] == j ? 0.6 : 0));
      }
    }
    int[] x = LinearAssignment.maximiseInPlace(score, n);
    assertThat(x).containsExactly(hidden);
  }

  @Test
  void randomMatricesGiveAnOptimumNoWorseThanGreedy() {
    SplittableRandom rng = new SplittableRandom(9);
    int n = 300;
    float[] cost = new float[n * n];
    for (int i = 0; i < cost.length; i++) {
      cost[i] = (float) rng.nextDouble();
    }
    int[] x = LinearAssignment.minimise(cost.clone(), n);
    assertThat(isPermutation(x)).isTrue();
    // random uniform costs: the optimum is about zeta(2) = 1.645 total, far below greedy or
    // identity
    assertThat(total(cost, x, n)).isLessThan(2.5);
  }

  static boolean isPermutation(int[] x) {
    boolean[] seen = new boolean[x.length];
    for (int j : x) {
      if (j < 0 || j >= x.length || seen[j]) {
        return false;
      }
      seen[j] = true;
    }
    return true;
  }

  static double total(float[] cost, int[] x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += cost[i * n + x[i]];
    }
    return s;
  }

  static double bruteForce(float[] cost, int n) {
    return best(cost, n, 0, new boolean[n]);
  }

  private static double best(float[] cost, int n, int row, boolean[] used) {
    if (row == n) {
      return 0;
    }
    double min = Double.POSITIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      if (!used[j]) {
        used[j] = true;
        min = Math.min(min, cost[row * n + j] + best(cost, n, row + 1, used));
        used[j] = false;
      }
    }
    return min;
  }
}
