package dev.heredity.weights;

/**
 * The unit-normalised weight vectors of one view of a layer, as a matrix of {@code units} rows and
 * {@code features} columns read through strides (so a tensor whose units are columns needs no
 * copy).
 */
final class UnitVectors {
  final float[] data;
  final int units;
  final int features;
  final int unitStride;
  final int featureStride;

  /**
   * Units with a NaN or infinite weight: their cosines would be NaN, so the layer is not compared.
   */
  private int nonFiniteUnits;

  private UnitVectors(float[] data, int units, int features, int unitStride, int featureStride) {
    this.data = data;
    this.units = units;
    this.features = features;
    this.unitStride = unitStride;
    this.featureStride = featureStride;
  }

  static UnitVectors read(TensorSource source, UnitView view) {
    long[] shape = source.shapes().get(view.tensor());
    int rows = (int) shape[0];
    int cols = (int) shape[1];
    float[] data = new float[Math.multiplyExact(rows, cols)];
    source.read(view.tensor(), 0, data);
    UnitVectors v =
        view.unitsAreRows()
            ? new UnitVectors(data, rows, cols, cols, 1)
            : new UnitVectors(data, cols, rows, 1, cols);
    v.normalise();
    return v;
  }

  /** Wraps vectors already in memory (e.g. sketched) and normalises them in place. */
  static UnitVectors normalised(
      float[] data, int units, int features, int unitStride, int featureStride) {
    UnitVectors v = new UnitVectors(data, units, features, unitStride, featureStride);
    v.normalise();
    return v;
  }

  int nonFiniteUnits() {
    return nonFiniteUnits;
  }

  float get(int unit, int feature) {
    return data[unit * unitStride + feature * featureStride];
  }

  private void normalise() {
    double[] norms = new double[units];
    if (featureStride == 1) {
      for (int i = 0; i < units; i++) {
        double s = 0;
        int base = i * unitStride;
        for (int p = 0; p < features; p++) {
          double x = data[base + p];
          s += x * x;
        }
        norms[i] = s;
      }
    } else {
      for (int p = 0; p < features; p++) {
        int base = p * featureStride;
        for (int i = 0; i < units; i++) {
          double x = data[base + i];
          norms[i] += x * x;
        }
      }
    }
    float[] scale = new float[units];
    for (int i = 0; i < units; i++) {
      if (!Double.isFinite(norms[i])) {
        nonFiniteUnits++;
      }
      scale[i] =
          norms[i] > 0
              ? (float) (1 / Math.sqrt(norms[i]))
              : 0f; // a dead unit has cosine 0 with everything
    }
    if (featureStride == 1) {
      for (int i = 0; i < units; i++) {
        int base = i * unitStride;
        for (int p = 0; p < features; p++) {
          data[base + p] *= scale[i];
        }
      }
    } else {
      for (int p = 0; p < features; p++) {
        int base = p * featureStride;
        for (int i = 0; i < units; i++) {
          data[base + i] *= scale[i];
        }
      }
    }
  }

  /** Features x paddedUnits, row-major: the right-hand operand of the cosine GEMM. */
  float[] transposedPadded(int paddedUnits) {
    if (featureStride != 1 && unitStride == 1 && paddedUnits == units) {
      return data; // already features x units
    }
    float[] out = new float[Math.multiplyExact(features, paddedUnits)];
    int block = 64;
    for (int i0 = 0; i0 < units; i0 += block) {
      int i1 = Math.min(units, i0 + block);
      for (int p0 = 0; p0 < features; p0 += block) {
        int p1 = Math.min(features, p0 + block);
        for (int i = i0; i < i1; i++) {
          for (int p = p0; p < p1; p++) {
            out[p * paddedUnits + i] = data[i * unitStride + p * featureStride];
          }
        }
      }
    }
    return out;
  }
}
