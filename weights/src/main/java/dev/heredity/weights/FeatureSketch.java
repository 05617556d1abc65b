package dev.heredity.weights;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A fixed, seeded CountSketch of the feature axis: feature {@code p} is added, with sign {@code
 * s(p)}, to dimension {@code h(p)} of {@code dimensions}. Inner products are preserved in
 * expectation, with noise of about {@code 1 / sqrt(dimensions)} on a cosine.
 *
 * <p>Why the test stays valid: the sketch depends only on the feature count and {@link #SEED},
 * never on the weights, and is applied to each model separately. It maps two independently
 * initialised models to two independent models and commutes with any permutation of the hidden
 * units, so every property of the null that the matching test relies on holds for the sketched unit
 * vectors as well; only the power changes (cosines get noisier).
 */
final class FeatureSketch {
  /** Fixed, so the same inputs always give the same statistic. */
  static final long SEED = 0x4865726564697479L;

  private static final int CHUNK_ELEMENTS = 1 << 20;

  private final int features;
  private final int dimensions;
  private final int[] bucket;
  private final float[] sign;

  private FeatureSketch(int features, int dimensions) {
    this.features = features;
    this.dimensions = dimensions;
    this.bucket = new int[features];
    this.sign = new float[features];
    SplittableRandom rng = new SplittableRandom(SEED ^ ((long) features << 32 | dimensions));
    for (int p = 0; p < features; p++) {
      bucket[p] = rng.nextInt(dimensions);
      sign[p] = rng.nextBoolean() ? 1f : -1f;
    }
  }

  static FeatureSketch of(int features, int dimensions) {
    if (features < 1 || dimensions < 1) {
      throw new IllegalArgumentException(
          "features and dimensions must be positive, got " + features + ", " + dimensions);
    }
    return new FeatureSketch(features, dimensions);
  }

  int dimensions() {
    return dimensions;
  }

  /**
   * The sketched, unit-normalised vectors of one view, streamed from the source in chunks (the
   * full-width tensor is never held in memory).
   */
  UnitVectors read(TensorSource source, UnitView view, ExecutorService pool, int threads) {
    long[] shape = source.shapes().get(view.tensor());
    int rows = (int) shape[0];
    int cols = (int) shape[1];
    if ((view.unitsAreRows() ? cols : rows) != features) {
      throw new IllegalArgumentException(
          view.tensor()
              + " has "
              + (view.unitsAreRows() ? cols : rows)
              + " features, not "
              + features);
    }
    if (view.unitsAreRows()) {
      float[] out = new float[Math.multiplyExact(rows, dimensions)];
      int per = (rows + threads - 1) / threads;
      List<Future<?>> jobs = new ArrayList<>();
      for (int from = 0; from < rows; from += per) {
        int start = from;
        int end = Math.min(rows, from + per);
        jobs.add(pool.submit(() -> sketchRows(source, view.tensor(), start, end, out)));
      }
      join(jobs);
      return UnitVectors.normalised(out, rows, dimensions, dimensions, 1);
    }
    float[] out = new float[Math.multiplyExact(cols, dimensions)]; // dimensions x units
    sketchColumns(source, view.tensor(), rows, cols, out);
    return UnitVectors.normalised(out, cols, dimensions, 1, cols);
  }

  /** Units are rows {@code [from, to)}: each row's features fold into its own output row. */
  private void sketchRows(TensorSource source, String tensor, int from, int to, float[] out) {
    int chunkRows = Math.max(1, CHUNK_ELEMENTS / features);
    float[] buf = new float[Math.min(to - from, chunkRows) * features];
    for (int r0 = from; r0 < to; r0 += chunkRows) {
      int count = Math.min(chunkRows, to - r0);
      float[] dst = count * features == buf.length ? buf : new float[count * features];
      source.read(tensor, (long) r0 * features, dst);
      for (int r = 0; r < count; r++) {
        int in = r * features;
        int o = (r0 + r) * dimensions;
        for (int p = 0; p < features; p++) {
          out[o + bucket[p]] += sign[p] * dst[in + p];
        }
      }
    }
  }

  /**
   * Units are columns: tensor row p (a feature) adds to output row h(p) of a dimensions x units
   * matrix.
   */
  private void sketchColumns(TensorSource source, String tensor, int rows, int units, float[] out) {
    int chunkRows = Math.max(1, CHUNK_ELEMENTS / units);
    for (int p0 = 0; p0 < rows; p0 += chunkRows) {
      int count = Math.min(chunkRows, rows - p0);
      float[] dst = new float[count * units];
      source.read(tensor, (long) p0 * units, dst);
      for (int r = 0; r < count; r++) {
        int p = p0 + r;
        int o = bucket[p] * units;
        float s = sign[p];
        for (int u = 0; u < units; u++) {
          out[o + u] += s * dst[r * units + u];
        }
      }
    }
  }

  private static void join(List<Future<?>> jobs) {
    jobs.forEach(BlockWorkers::get);
  }
}
