package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparseAssignmentTest {
  static ExecutorService pool;

  @BeforeAll
  static void start() {
    pool = Executors.newFixedThreadPool(2);
  }

  @AfterAll
  static void stop() {
    pool.shutdownNow();
  }

  @Test
  void findsTheDenseOptimumOnRandomScoresOfSeveralSizes() {
    SplittableRandom rng = new SplittableRandom(17);
    for (int n : new int[] {1, 2, 3, 7, 40, 129, 400, 1000}) {
      float[] score = new float[n * n];
      for (int i = 0; i < score.length; i++) {
        score[i] = (float) rng.nextDouble();
      }
      for (int k : new int[] {1, 4, 32}) {
        SparseAssignment.Solution s = assertSameAsDense(score, n, k);
        if (k == 1 && n >= 40) {
          // one candidate per row is far from enough: the certificate had to add the missing edges
          assertThat(s.rounds()).as("n %d", n).isGreaterThan(1);
          assertThat(s.edges()).isGreaterThan(n);
        }
      }
    }
  }

  @Test
  void findsTheDenseOptimumOnNearDiagonalAndPermutedScores() {
    SplittableRandom rng = new SplittableRandom(23);
    for (int n : new int[] {5, 64, 700}) {
      int[] hidden = TinyLlama.permutation(n, rng);
      float[] score = new float[n * n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          score[i * n + j] = (float) (0.05 * rng.nextGaussian() + (hidden[i] == j ? 0.3 : 0));
        }
      }
      int[] x = assertSameAsDense(score, n, 8).rowToColumn();
      assertThat(x).containsExactly(hidden);
    }
  }

  @Test
  void tiesAndColumnsNoRowPrefersStillGiveTheOptimalTotal() {
    SplittableRandom rng = new SplittableRandom(29);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + rng.nextInt(12);
      float[] score = new float[n * n];
      for (int i = 0; i < score.length; i++) {
        score[i] = rng.nextInt(3);
      }
      // one column worse than every other for every row: in no row's candidates when k is small
      int bad = rng.nextInt(n);
      for (int i = 0; i < n; i++) {
        score[i * n + bad] = -5;
      }
      int[] x = SparseAssignment.maximise(score, n, 2, pool, 2).rowToColumn();
      int[] dense = LinearAssignment.maximiseInPlace(score.clone(), n);
      assertThat(LinearAssignmentTest.isPermutation(x)).isTrue();
      assertThat(total(score, x, n)).isCloseTo(total(score, dense, n), Offset.offset(1e-6));
    }
  }

  @Test
  void nonFiniteScoresCountAsTheLowest() {
    int n = 3;
    float[] score = {Float.NaN, 1, 0, 1, Float.NaN, 0, 0, 0, 1};
    int[] x = SparseAssignment.maximise(score, n, 1, pool, 1).rowToColumn();
    assertThat(x).containsExactly(1, 0, 2);
  }

  private static SparseAssignment.Solution assertSameAsDense(float[] score, int n, int k) {
    SparseAssignment.Solution s = SparseAssignment.maximise(score, n, k, pool, 2);
    int[] dense = LinearAssignment.maximiseInPlace(score.clone(), n);
    assertThat(LinearAssignmentTest.isPermutation(s.rowToColumn())).isTrue();
    assertThat(total(score, s.rowToColumn(), n))
        .as("n %d, k %d", n, k)
        .isCloseTo(total(score, dense, n), Offset.offset(1e-5));
    // continuous scores: the optimum is unique, so the two solvers agree entry by entry
    assertThat(s.rowToColumn()).as("n %d, k %d", n, k).containsExactly(dense);
    return s;
  }

  static double total(float[] score, int[] x, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += score[i * n + x[i]];
    }
    return s;
  }
}
