package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.transfer.engine.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class CosineMatrixTest {
  @Test
  void blockedGemmMatchesTheDefinitionForRowAndColumnViewsAndOddSizes() {
    for (int features : new int[] {700, 1100}) { // one pass over the depth; several K blocks
      checkAgainstTheDefinition(301, features);
    }
  }

  private static void checkAgainstTheDefinition(int units, int features) {
    SplittableRandom rng = new SplittableRandom(features);
    float[] rows = WeightsComparisonTest.gaussian(units * features, rng);
    float[] other = WeightsComparisonTest.gaussian(units * features, rng);
    InMemoryTensors a = new InMemoryTensors("a").put("r", new long[] {units, features}, rows);
    InMemoryTensors b =
        new InMemoryTensors("b")
            .put("r", new long[] {units, features}, other)
            .put("c", new long[] {features, units}, transpose(other, units, features));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (Kernels kernels : new Kernels[] {Kernels.best(), Kernels.scalar()}) {
        float[] byRows =
            CosineMatrix.compute(
                UnitVectors.read(a, new UnitView("r", true)),
                UnitVectors.read(b, new UnitView("r", true)),
                kernels,
                pool,
                2);
        float[] byColumns =
            CosineMatrix.compute(
                UnitVectors.read(a, new UnitView("r", true)),
                UnitVectors.read(b, new UnitView("c", false)),
                kernels,
                pool,
                2);
        for (int i = 0; i < units; i += 7) {
          for (int j = 0; j < units; j += 5) {
            double expected = cosine(rows, i, other, j, features);
            assertThat((double) byRows[i * units + j])
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
            assertThat((double) byColumns[i * units + j])
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-5));
          }
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static double cosine(float[] x, int i, float[] y, int j, int d) {
    double dot = 0;
    double nx = 0;
    double ny = 0;
    for (int p = 0; p < d; p++) {
      dot += (double) x[i * d + p] * y[j * d + p];
      nx += (double) x[i * d + p] * x[i * d + p];
      ny += (double) y[j * d + p] * y[j * d + p];
    }
    return dot / Math.sqrt(nx * ny);
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
