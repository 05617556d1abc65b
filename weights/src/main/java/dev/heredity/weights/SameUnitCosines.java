package dev.heredity.weights;

/**
 * What the first tier reads from one view of a layer in both models: each unit's cosine with the
 * same-index unit, and the sum of each model's unit vectors. Streamed from the sources in chunks of
 * about {@value #CHUNK_ELEMENTS} elements, so no whole tensor is held, with the arithmetic of
 * {@link UnitVectors} in the same order (the same bits).
 *
 * @param cosines per unit, the cosine of unit i of A with unit i of B
 * @param sumA the sum of A's unit vectors (for the mean pairwise cosine)
 * @param sumB the sum of B's unit vectors
 * @param nonFiniteUnits units of either model with a NaN or infinite weight
 */
record SameUnitCosines(double[] cosines, double[] sumA, double[] sumB, int nonFiniteUnits) {
  static final int CHUNK_ELEMENTS = 1 << 20;

  static SameUnitCosines read(TensorSource a, TensorSource b, UnitView view) {
    long[] shape = a.shapes().get(view.tensor());
    int rows = (int) shape[0];
    int cols = (int) shape[1];
    return view.unitsAreRows()
        ? byRows(a, b, view.tensor(), rows, cols)
        : byColumns(a, b, view.tensor(), rows, cols);
  }

  /** Units are rows: a chunk of rows holds whole units, normalised and compared at once. */
  private static SameUnitCosines byRows(
      TensorSource a, TensorSource b, String tensor, int units, int features) {
    double[] cosines = new double[units];
    double[] sumA = new double[features];
    double[] sumB = new double[features];
    int nonFinite = 0;
    int chunkRows = Math.max(1, CHUNK_ELEMENTS / features);
    float[] da = new float[Math.min(units, chunkRows) * features];
    float[] db = new float[da.length];
    for (int r0 = 0; r0 < units; r0 += chunkRows) {
      int count = Math.min(chunkRows, units - r0);
      float[] ca = count * features == da.length ? da : new float[count * features];
      float[] cb = count * features == db.length ? db : new float[count * features];
      a.read(tensor, (long) r0 * features, ca);
      b.read(tensor, (long) r0 * features, cb);
      for (int r = 0; r < count; r++) {
        int base = r * features;
        nonFinite += normaliseRow(ca, base, features) + normaliseRow(cb, base, features);
        double s = 0;
        for (int p = 0; p < features; p++) {
          s += ca[base + p] * cb[base + p];
          sumA[p] += ca[base + p];
          sumB[p] += cb[base + p];
        }
        cosines[r0 + r] = s;
      }
    }
    return new SameUnitCosines(cosines, sumA, sumB, nonFinite);
  }

  /** 1 when the row's norm is not finite; scales the row to unit length (a dead row stays 0). */
  private static int normaliseRow(float[] data, int base, int features) {
    double s = 0;
    for (int p = 0; p < features; p++) {
      double x = data[base + p];
      s += x * x;
    }
    float scale = scale(s);
    for (int p = 0; p < features; p++) {
      data[base + p] *= scale;
    }
    return Double.isFinite(s) ? 0 : 1;
  }

  private static float scale(double squaredNorm) {
    return squaredNorm > 0 ? (float) (1 / Math.sqrt(squaredNorm)) : 0f;
  }

  /**
   * Units are columns: a tensor row is one feature of every unit, so one pass for the norms and one
   * to compare.
   */
  private static SameUnitCosines byColumns(
      TensorSource a, TensorSource b, String tensor, int features, int units) {
    double[] normA = new double[units];
    double[] normB = new double[units];
    int chunkRows = Math.max(1, CHUNK_ELEMENTS / units);
    float[] da = new float[Math.min(features, chunkRows) * units];
    float[] db = new float[da.length];
    for (int p0 = 0; p0 < features; p0 += chunkRows) {
      int count = Math.min(chunkRows, features - p0);
      float[] ca = read(a, tensor, p0, count, units, da);
      float[] cb = read(b, tensor, p0, count, units, db);
      for (int i = 0; i < count * units; i++) {
        double x = ca[i];
        double y = cb[i];
        normA[i % units] += x * x;
        normB[i % units] += y * y;
      }
    }
    float[] scaleA = new float[units];
    float[] scaleB = new float[units];
    int nonFinite = 0;
    for (int i = 0; i < units; i++) {
      scaleA[i] = scale(normA[i]);
      scaleB[i] = scale(normB[i]);
      nonFinite += (Double.isFinite(normA[i]) ? 0 : 1) + (Double.isFinite(normB[i]) ? 0 : 1);
    }
    double[] cosines = new double[units];
    double[] sumA = new double[features];
    double[] sumB = new double[features];
    for (int p0 = 0; p0 < features; p0 += chunkRows) {
      int count = Math.min(chunkRows, features - p0);
      float[] ca = read(a, tensor, p0, count, units, da);
      float[] cb = read(b, tensor, p0, count, units, db);
      for (int r = 0; r < count; r++) {
        int p = p0 + r;
        for (int i = 0; i < units; i++) {
          float x = ca[r * units + i] * scaleA[i];
          float y = cb[r * units + i] * scaleB[i];
          cosines[i] += x * y;
          sumA[p] += x;
          sumB[p] += y;
        }
      }
    }
    return new SameUnitCosines(cosines, sumA, sumB, nonFinite);
  }

  private static float[] read(
      TensorSource source, String tensor, int row, int count, int units, float[] buffer) {
    float[] dst = count * units == buffer.length ? buffer : new float[count * units];
    source.read(tensor, (long) row * units, dst);
    return dst;
  }
}
