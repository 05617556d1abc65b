package dev.heredity.transfer.engine;

import java.util.Arrays;

/**
 * Plain-Java kernels: the fallback when the Vector API module is absent. Row-at-a-time so C2 can
 * vectorise.
 */
final class ScalarKernels implements Kernels {
  static final ScalarKernels INSTANCE = new ScalarKernels();

  private ScalarKernels() {}

  @Override
  public void gemm(
      int m,
      int n,
      int k,
      float[] a,
      int aOff,
      int aRowStride,
      int aColStride,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      float[] bias,
      boolean relu) {
    float[] row = new float[n];
    for (int i = 0; i < m; i++) {
      int ci = cOff + i * ldc;
      if (accumulate) {
        System.arraycopy(c, ci, row, 0, n);
      } else {
        Arrays.fill(row, 0f);
      }
      int ai = aOff + i * aRowStride;
      for (int p = 0; p < k; p++) {
        float av = a[ai + p * aColStride];
        if (av == 0f) {
          continue; // ReLU leaves many zeros; skipping them does not change the sum
        }
        int bp = bOff + p * ldb;
        for (int j = 0; j < n; j++) {
          row[j] += av * b[bp + j];
        }
      }
      for (int j = 0; j < n; j++) {
        float x = bias == null ? row[j] : row[j] + bias[j];
        c[ci + j] = relu && x < 0f ? 0f : x;
      }
    }
  }

  @Override
  public void reluBackward(float[] grad, float[] activation, int length) {
    for (int i = 0; i < length; i++) {
      if (activation[i] <= 0f) {
        grad[i] = 0f;
      }
    }
  }

  @Override
  public void columnSums(float[] x, int rows, int cols, float[] out, int outOff) {
    Arrays.fill(out, outOff, outOff + cols, 0f);
    for (int i = 0; i < rows; i++) {
      int xi = i * cols;
      for (int j = 0; j < cols; j++) {
        out[outOff + j] += x[xi + j];
      }
    }
  }

  @Override
  public void adam(
      float[] params,
      float[] grads,
      float[] m,
      float[] v,
      int from,
      int to,
      float beta1,
      float beta2,
      float stepSize,
      float invSqrtBias2,
      float eps) {
    float c1 = 1f - beta1;
    float c2 = 1f - beta2;
    for (int i = from; i < to; i++) {
      float g = grads[i];
      float mi = beta1 * m[i] + c1 * g;
      float vi = beta2 * v[i] + c2 * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBias2 + eps);
    }
  }

  @Override
  public String name() {
    return "scalar";
  }
}
