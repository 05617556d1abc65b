package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.transfer.engine.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamedAssignmentTest {
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
  void streamedCosinesGiveTheDenseSolutionOnRandomUnits() {
    SplittableRandom rng = new SplittableRandom(61);
    for (int units : new int[] {1, 2, 5, 37, 130, 389}) {
      for (int features : new int[] {24, 1100}) {
        UnitVectors a = StreamedCosinesTest.vectors(units, features, false, rng);
        UnitVectors b = StreamedCosinesTest.vectors(units, features, units % 2 == 0, rng);
        assertSameSolutions(a, b, units + " x " + features);
      }
    }
  }

  @Test
  void streamedCosinesGiveTheDenseSolutionOnAdversarialUnits() {
    SplittableRandom rng = new SplittableRandom(67);
    for (int units : new int[] {4, 45, 211}) {
      int features = 32;
      float[] base = WeightsComparisonTest.gaussian(units * features, rng);
      // a permuted near-copy (a planted matching), exact duplicates (ties everywhere), dead units
      // (cosine 0 with everything), and a single repeated unit (every row wants the same column)
      int[] order = TinyLlama.permutation(units, rng);
      float[] planted = new float[base.length];
      float[] duplicates = base.clone();
      float[] dead = base.clone();
      float[] same = new float[base.length];
      for (int i = 0; i < units; i++) {
        for (int p = 0; p < features; p++) {
          planted[i * features + p] =
              base[order[i] * features + p] + 0.3f * (float) TinyLlama.gaussian(rng);
          duplicates[i * features + p] = base[(i / 3) * features + p];
          dead[i * features + p] = i % 4 == 1 ? 0 : dead[i * features + p];
          same[i * features + p] = base[p];
        }
      }
      UnitVectors a = UnitVectors.normalised(base.clone(), units, features, features, 1);
      for (float[] other : new float[][] {planted, duplicates, dead, same}) {
        UnitVectors b = UnitVectors.normalised(other, units, features, features, 1);
        assertSameSolutions(a, b, "adversarial " + units);
        assertSameSolutions(b, b, "self " + units);
      }
    }
  }

  @Test
  void aStrongMatchingIsCertifiedWithoutReadingMostRowsTwice() {
    SplittableRandom rng = new SplittableRandom(73);
    int n = 400;
    int[] hidden = TinyLlama.permutation(n, rng);
    float[] score = new float[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        score[i * n + j] = (float) (0.05 * rng.nextGaussian() + (hidden[i] == j ? 0.9 : 0));
      }
    }
    CountingRows counting = new CountingRows(new DenseScores(score, n));
    SparseAssignment.Solution s = SparseAssignment.maximise(counting, 32, pool, 2);
    assertThat(s.rowToColumn()).containsExactly(hidden);
    // every row once to pick candidates; the certificate needs to read almost none of them
    assertThat(counting.loaded).isLessThan(n + n / 10);
  }

  /** Counts the rows loaded through it. */
  private static final class CountingRows implements ScoreRows {
    private final ScoreRows scores;
    private long loaded;

    CountingRows(ScoreRows scores) {
      this.scores = scores;
    }

    @Override
    public int n() {
      return scores.n();
    }

    @Override
    public int blockRows() {
      return scores.blockRows();
    }

    @Override
    public Reader reader(int capacity) {
      Reader reader = scores.reader(capacity);
      return new Reader() {
        @Override
        public void load(int[] rows, int from, int to) {
          synchronized (CountingRows.this) {
            loaded += to - from;
          }
          reader.load(rows, from, to);
        }

        @Override
        public float[] data() {
          return reader.data();
        }

        @Override
        public int start(int r) {
          return reader.start(r);
        }
      };
    }
  }

  private static void assertSameSolutions(UnitVectors a, UnitVectors b, String as) {
    int n = a.units;
    Kernels kernels = Kernels.best();
    float[] dense = CosineMatrix.compute(a, b, kernels, pool, 2);
    for (int candidates : new int[] {1, 32}) { // one candidate forces extra rounds and whole rows
      SparseAssignment.Solution want =
          SparseAssignment.maximise(new DenseScores(dense, n), candidates, pool, 2);
      SparseAssignment.Solution got =
          SparseAssignment.maximise(new StreamedCosines(a, b, kernels), candidates, pool, 2);
      String what = as + ", k " + candidates;
      assertThat(got.rowToColumn()).as(what).containsExactly(want.rowToColumn());
      assertThat(got.rounds()).as(what).isEqualTo(want.rounds());
      assertThat(got.edges()).as(what).isEqualTo(want.edges());
      assertThat(got.matchedScore()).as(what).isEqualTo(want.matchedScore());
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += dense[i * n + want.rowToColumn()[i]];
      }
      assertThat(want.matchedScore()).as(what).isEqualTo(sum);
    }
  }
}
