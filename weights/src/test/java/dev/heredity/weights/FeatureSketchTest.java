package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class FeatureSketchTest {
  @Test
  void sketchedCosinesTrackTheExactOnesForRowAndColumnViews() {
    SplittableRandom rng = new SplittableRandom(31);
    int units = 200;
    int features = 3000; // several read chunks when the units are columns
    float[] a = WeightsComparisonTest.gaussian(units * features, rng);
    float[] b = a.clone();
    for (int i = 0; i < b.length; i++) {
      b[i] += (float) rng.nextGaussian(); // cosine 1/sqrt(2) between unit i of a and of b
    }
    InMemoryTensors ta = new InMemoryTensors("a").put("r", new long[] {units, features}, a);
    InMemoryTensors tb =
        new InMemoryTensors("b")
            .put("r", new long[] {units, features}, b)
            .put("c", new long[] {features, units}, transpose(b, units, features));
    FeatureSketch sketch = FeatureSketch.of(features, 512);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      UnitVectors sa = sketch.read(ta, new UnitView("r", true), pool, 2);
      UnitVectors byRows = sketch.read(tb, new UnitView("r", true), pool, 2);
      UnitVectors byColumns = sketch.read(tb, new UnitView("c", false), pool, 1);
      assertThat(sa.features).isEqualTo(512);
      double worst = 0;
      for (int i = 0; i < units; i++) {
        for (int j = 0; j < units; j += 13) {
          double exact = cosine(a, i, b, j, features);
          double sketched = dot(sa, i, byRows, j);
          worst = Math.max(worst, Math.abs(sketched - exact));
          assertThat(dot(sa, i, byColumns, j)).isCloseTo(sketched, Offset.offset(1e-5));
        }
      }
      // noise about 1/sqrt(512) = 0.044 per cosine; over ~3000 pairs the worst stays below 5 sd
      assertThat(worst).isLessThan(0.22).isGreaterThan(0.0);
      UnitVectors again =
          FeatureSketch.of(features, 512).read(ta, new UnitView("r", true), pool, 1);
      assertThat(again.data).as("seeded: same inputs, same bytes").containsExactly(sa.data);
    } finally {
      pool.shutdownNow();
    }
  }

  private static double dot(UnitVectors x, int i, UnitVectors y, int j) {
    double s = 0;
    for (int p = 0; p < x.features; p++) {
      s += (double) x.get(i, p) * y.get(j, p);
    }
    return s;
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

  static float[] transpose(float[] m, int rows, int cols) {
    float[] t = new float[m.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = m[i * cols + j];
      }
    }
    return t;
  }
}
