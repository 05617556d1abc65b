package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SameUnitCosinesTest {
  @Test
  void streamedChunksGiveTheBitsOfTheWholeTensorsForRowAndColumnViews() {
    SplittableRandom rng = new SplittableRandom(83);
    // one chunk, and several chunks with a short last one (2^20 elements per chunk)
    for (int[] shape : new int[][] {{37, 20}, {3000, 700}}) {
      int units = shape[0];
      int features = shape[1];
      float[] wa = WeightsComparisonTest.gaussian(units * features, rng);
      float[] wb = WeightsComparisonTest.noisy(wa, rng);
      wa[5] = 0; // a zero weight; and below a dead unit
      for (int p = 0; p < features; p++) {
        wb[(units - 1) * features + p] = 0;
      }
      InMemoryTensors a =
          new InMemoryTensors("a")
              .put("r", new long[] {units, features}, wa)
              .put("c", new long[] {features, units}, transpose(wa, units, features));
      InMemoryTensors b =
          new InMemoryTensors("b")
              .put("r", new long[] {units, features}, wb)
              .put("c", new long[] {features, units}, transpose(wb, units, features));
      for (UnitView view : new UnitView[] {new UnitView("r", true), new UnitView("c", false)}) {
        SameUnitCosines got = SameUnitCosines.read(a, b, view);
        UnitVectors va = UnitVectors.read(a, view);
        UnitVectors vb = UnitVectors.read(b, view);
        assertThat(got.nonFiniteUnits()).isZero();
        assertThat(got.cosines()).containsExactly(sameUnitCosines(va, vb));
        assertThat(got.sumA()).containsExactly(sum(va));
        assertThat(got.sumB()).containsExactly(sum(vb));
        assertThat(got.cosines()[units - 1]).isZero();
      }
    }
  }

  @Test
  void unitsWithNonFiniteWeightsAreCounted() {
    float[] w = {1, Float.NaN, 2, 3, 4, Float.POSITIVE_INFINITY};
    InMemoryTensors a = new InMemoryTensors("a").put("r", new long[] {3, 2}, w);
    InMemoryTensors b = new InMemoryTensors("b").put("r", new long[] {3, 2}, new float[6]);
    assertThat(SameUnitCosines.read(a, b, new UnitView("r", true)).nonFiniteUnits()).isEqualTo(2);
    // as columns, (1, 2, 4) and (NaN, 3, inf)
    assertThat(SameUnitCosines.read(a, b, new UnitView("r", false)).nonFiniteUnits()).isEqualTo(1);
    assertThat(UnitVectors.read(a, new UnitView("r", false)).nonFiniteUnits()).isEqualTo(1);
  }

  /** The whole-tensor computation the first tier used before it streamed. */
  private static double[] sameUnitCosines(UnitVectors a, UnitVectors b) {
    double[] c = new double[a.units];
    for (int p = 0; p < a.features; p++) {
      for (int i = 0; i < a.units; i++) {
        c[i] += a.get(i, p) * b.get(i, p);
      }
    }
    return c;
  }

  private static double[] sum(UnitVectors v) {
    double[] s = new double[v.features];
    for (int i = 0; i < v.units; i++) {
      for (int p = 0; p < v.features; p++) {
        s[p] += v.get(i, p);
      }
    }
    return s;
  }

  private static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = m[i * cols + j];
      }
    }
    return t;
  }
}
