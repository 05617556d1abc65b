package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.transfer.engine.Kernels;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamedCosinesTest {
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
  void anyBlockOfRowsHasTheDenseMatrixsBitsWhateverTheKernelViewAndDepth() {
    SplittableRandom rng = new SplittableRandom(5);
    // units: 1, below a register tile, odd, not a multiple of the padding, more than one GEMM
    // block; depth: one pass, and several depth blocks (where tiles and single rows round apart)
    for (int units : new int[] {1, 3, 37, 201, 389}) {
      for (int features : new int[] {40, 1100}) {
        for (Kernels kernels : new Kernels[] {Kernels.best(), Kernels.scalar()}) {
          for (boolean columns : new boolean[] {false, true}) {
            UnitVectors a = vectors(units, features, false, rng);
            UnitVectors b = vectors(units, features, columns, rng);
            float[] dense = CosineMatrix.compute(a, b, kernels, pool, 2);
            StreamedCosines streamed = new StreamedCosines(a, b, kernels);
            String as = units + " x " + features + " " + kernels.name() + " columns " + columns;
            assertSameRows(dense, streamed, contiguous(units, 0, units), as);
            assertSameRows(dense, streamed, contiguous(units, units / 3, units - units / 3), as);
            assertSameRows(dense, streamed, shuffled(units, rng), as);
            assertSameRows(dense, streamed, new int[] {units - 1}, as);
          }
        }
      }
    }
  }

  @Test
  void theDenseMatrixOfAnUnpaddedWidthHasTheDefinitionsValues() {
    SplittableRandom rng = new SplittableRandom(9);
    int units = 37; // 48 columns in the GEMM, 37 kept
    UnitVectors a = vectors(units, 20, false, rng);
    UnitVectors b = vectors(units, 20, true, rng);
    float[] dense = CosineMatrix.compute(a, b, Kernels.scalar(), pool, 2);
    assertThat(dense).hasSize(units * units);
    for (int i = 0; i < units; i++) {
      for (int j = 0; j < units; j++) {
        double dot = 0;
        for (int p = 0; p < 20; p++) {
          dot += (double) a.get(i, p) * b.get(j, p);
        }
        assertThat((double) dense[i * units + j])
            .isCloseTo(dot, org.assertj.core.data.Offset.offset(1e-6));
      }
    }
  }

  @Test
  void blocksStayWithinTheBufferBudget() {
    SplittableRandom rng = new SplittableRandom(3);
    StreamedCosines small =
        new StreamedCosines(
            vectors(50, 8, false, rng), vectors(50, 8, false, rng), Kernels.scalar());
    assertThat(small.blockRows()).isEqualTo(CosineMatrix.ROW_BLOCK);
    int wide = 40_000; // 160 KB per row of cosines
    long perRow = (long) (CosineMatrix.padded(wide) + 2) * Float.BYTES;
    UnitVectors a = UnitVectors.normalised(new float[wide * 2], wide, 2, 2, 1);
    StreamedCosines big = new StreamedCosines(a, a, Kernels.scalar());
    assertThat(big.blockRows()).isLessThan(CosineMatrix.ROW_BLOCK);
    assertThat((big.blockRows() + 3) * perRow).isLessThanOrEqualTo(StreamedCosines.BUFFER_BYTES);
  }

  static void assertSameRows(float[] dense, StreamedCosines streamed, int[] rows, String as) {
    int n = streamed.n();
    int block = Math.min(rows.length, 7); // several loads, none aligned with the GEMM's blocks
    ScoreRows.Reader reader = streamed.reader(block);
    for (int from = 0; from < rows.length; from += block) {
      int to = Math.min(rows.length, from + block);
      reader.load(rows, from, to);
      for (int r = from; r < to; r++) {
        int start = reader.start(r - from);
        float[] got = Arrays.copyOfRange(reader.data(), start, start + n);
        float[] want = Arrays.copyOfRange(dense, rows[r] * n, rows[r] * n + n);
        assertThat(bits(got)).as("%s, row %d", as, rows[r]).containsExactly(bits(want));
      }
    }
  }

  static UnitVectors vectors(int units, int features, boolean columns, SplittableRandom rng) {
    float[] w = WeightsComparisonTest.gaussian(units * features, rng);
    return columns
        ? UnitVectors.normalised(w, units, features, 1, units)
        : UnitVectors.normalised(w, units, features, features, 1);
  }

  static int[] contiguous(int units, int from, int to) {
    int[] rows = new int[Math.max(0, to - from)];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = from + i;
    }
    return rows;
  }

  static int[] shuffled(int units, SplittableRandom rng) {
    int[] rows = TinyLlama.permutation(units, rng);
    return Arrays.copyOf(rows, Math.max(1, units / 2));
  }

  private static int[] bits(float[] v) {
    int[] b = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = Float.floatToRawIntBits(v[i]);
    }
    return b;
  }
}
