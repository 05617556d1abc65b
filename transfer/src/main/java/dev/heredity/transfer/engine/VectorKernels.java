package dev.heredity.transfer.engine;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels on the incubating Vector API. The matrix product keeps a 6-row x 4-vector block of C in
 * registers across the whole k loop (24 accumulators; 4 B loads and 6 broadcasts per 24 FMAs),
 * which on AVX-512 runs many times faster than any loop C2 vectorises on its own. Only loaded by
 * {@link KernelSelector} when the module is present.
 */
final class VectorKernels implements Kernels {
  private static final VectorSpecies<Float> S = species();
  private static final int L = S.length();

  /**
   * 24 accumulators fit only in AVX-512's 32 registers; narrower units use the 4-row block ({@code
   * -Dheredity.kernels.rows=4} forces it, for benchmarks).
   */
  private static final boolean SIX_ROWS =
      S.vectorBitSize() >= 512 && !"4".equals(System.getProperty("heredity.kernels.rows"));

  private static VectorSpecies<Float> species() {
    VectorSpecies<Float> preferred = FloatVector.SPECIES_PREFERRED;
    return preferred.length() <= PAD && PAD % preferred.length() == 0
        ? preferred
        : FloatVector.SPECIES_128;
  }

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
    if (n % L != 0) {
      throw new IllegalArgumentException("n=" + n + " is not a multiple of the vector length " + L);
    }
    int j = 0;
    for (; j + 4 * L <= n; j += 4 * L) {
      int i = 0;
      for (; SIX_ROWS && !accumulate && i + 6 <= m; i += 6) {
        block6x4(i, j, k, a, aOff, aRowStride, aColStride, b, bOff, ldb, c, cOff, ldc, bias, relu);
      }
      for (; i + 4 <= m; i += 4) {
        block4x4(
            i,
            j,
            k,
            a,
            aOff,
            aRowStride,
            aColStride,
            b,
            bOff,
            ldb,
            c,
            cOff,
            ldc,
            accumulate,
            bias,
            relu);
      }
      for (; i < m; i++) {
        for (int jj = j; jj < j + 4 * L; jj += L) {
          block1x1(
              i,
              jj,
              k,
              a,
              aOff,
              aRowStride,
              aColStride,
              b,
              bOff,
              ldb,
              c,
              cOff,
              ldc,
              accumulate,
              bias,
              relu);
        }
      }
    }
    for (; j < n; j += L) {
      int i = 0;
      for (; i + 4 <= m; i += 4) {
        block4x1(
            i,
            j,
            k,
            a,
            aOff,
            aRowStride,
            aColStride,
            b,
            bOff,
            ldb,
            c,
            cOff,
            ldc,
            accumulate,
            bias,
            relu);
      }
      for (; i < m; i++) {
        block1x1(
            i,
            j,
            k,
            a,
            aOff,
            aRowStride,
            aColStride,
            b,
            bOff,
            ldb,
            c,
            cOff,
            ldc,
            accumulate,
            bias,
            relu);
      }
    }
  }

  // 6 rows x 4 vectors = 24 accumulators (of 32 AVX-512 registers), fewer loads per FMA: measured
  // 1.5-2x
  // the 4x4 block on this machine, but only with no epilogue in the method (bias/ReLU/accumulate
  // code
  // here made C2 spill and halved the speed), hence finishTile. The 4x4 block takes the leftover
  // rows
  // and accumulating calls.
  private static void block6x4(
      int i,
      int j,
      int k,
      float[] a,
      int aOff,
      int rs,
      int cs,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      float[] bias,
      boolean relu) {
    FloatVector z = FloatVector.zero(S);
    FloatVector x00 = z, x01 = z, x02 = z, x03 = z;
    FloatVector x10 = z, x11 = z, x12 = z, x13 = z;
    FloatVector x20 = z, x21 = z, x22 = z, x23 = z;
    FloatVector x30 = z, x31 = z, x32 = z, x33 = z;
    FloatVector x40 = z, x41 = z, x42 = z, x43 = z;
    FloatVector x50 = z, x51 = z, x52 = z, x53 = z;
    int ai = aOff + i * rs;
    int bp = bOff + j;
    for (int p = 0; p < k; p++, ai += cs, bp += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
      FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
      FloatVector a0 = FloatVector.broadcast(S, a[ai]);
      x00 = a0.fma(b0, x00);
      x01 = a0.fma(b1, x01);
      x02 = a0.fma(b2, x02);
      x03 = a0.fma(b3, x03);
      FloatVector a1 = FloatVector.broadcast(S, a[ai + rs]);
      x10 = a1.fma(b0, x10);
      x11 = a1.fma(b1, x11);
      x12 = a1.fma(b2, x12);
      x13 = a1.fma(b3, x13);
      FloatVector a2 = FloatVector.broadcast(S, a[ai + 2 * rs]);
      x20 = a2.fma(b0, x20);
      x21 = a2.fma(b1, x21);
      x22 = a2.fma(b2, x22);
      x23 = a2.fma(b3, x23);
      FloatVector a3 = FloatVector.broadcast(S, a[ai + 3 * rs]);
      x30 = a3.fma(b0, x30);
      x31 = a3.fma(b1, x31);
      x32 = a3.fma(b2, x32);
      x33 = a3.fma(b3, x33);
      FloatVector a4 = FloatVector.broadcast(S, a[ai + 4 * rs]);
      x40 = a4.fma(b0, x40);
      x41 = a4.fma(b1, x41);
      x42 = a4.fma(b2, x42);
      x43 = a4.fma(b3, x43);
      FloatVector a5 = FloatVector.broadcast(S, a[ai + 5 * rs]);
      x50 = a5.fma(b0, x50);
      x51 = a5.fma(b1, x51);
      x52 = a5.fma(b2, x52);
      x53 = a5.fma(b3, x53);
    }
    int c0 = cOff + i * ldc + j;
    int s0 = c0;
    x00.intoArray(c, s0);
    x01.intoArray(c, s0 + L);
    x02.intoArray(c, s0 + 2 * L);
    x03.intoArray(c, s0 + 3 * L);
    int s1 = c0 + ldc;
    x10.intoArray(c, s1);
    x11.intoArray(c, s1 + L);
    x12.intoArray(c, s1 + 2 * L);
    x13.intoArray(c, s1 + 3 * L);
    int s2 = c0 + 2 * ldc;
    x20.intoArray(c, s2);
    x21.intoArray(c, s2 + L);
    x22.intoArray(c, s2 + 2 * L);
    x23.intoArray(c, s2 + 3 * L);
    int s3 = c0 + 3 * ldc;
    x30.intoArray(c, s3);
    x31.intoArray(c, s3 + L);
    x32.intoArray(c, s3 + 2 * L);
    x33.intoArray(c, s3 + 3 * L);
    int s4 = c0 + 4 * ldc;
    x40.intoArray(c, s4);
    x41.intoArray(c, s4 + L);
    x42.intoArray(c, s4 + 2 * L);
    x43.intoArray(c, s4 + 3 * L);
    int s5 = c0 + 5 * ldc;
    x50.intoArray(c, s5);
    x51.intoArray(c, s5 + L);
    x52.intoArray(c, s5 + 2 * L);
    x53.intoArray(c, s5 + 3 * L);
    if (bias != null || relu) {
      finishTile(c, c0, ldc, 6, j, bias, relu);
    }
  }

  /**
   * Bias and ReLU over a just-stored tile (still in L1); kept out of block6x4 so its 24
   * accumulators stay in registers.
   */
  private static void finishTile(
      float[] c, int c0, int ldc, int rows, int j, float[] bias, boolean relu) {
    for (int r = 0; r < rows; r++) {
      for (int q = 0; q < 4 * L; q += L) {
        int o = c0 + r * ldc + q;
        FloatVector x = FloatVector.fromArray(S, c, o);
        if (bias != null) {
          x = x.add(FloatVector.fromArray(S, bias, j + q));
        }
        if (relu) {
          x = x.max(0f);
        }
        x.intoArray(c, o);
      }
    }
  }

  private static void block4x4(
      int i,
      int j,
      int k,
      float[] a,
      int aOff,
      int rs,
      int cs,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      float[] bias,
      boolean relu) {
    FloatVector z = FloatVector.zero(S);
    FloatVector x00 = z, x01 = z, x02 = z, x03 = z;
    FloatVector x10 = z, x11 = z, x12 = z, x13 = z;
    FloatVector x20 = z, x21 = z, x22 = z, x23 = z;
    FloatVector x30 = z, x31 = z, x32 = z, x33 = z;
    int ai = aOff + i * rs;
    int bp = bOff + j;
    for (int p = 0; p < k; p++, ai += cs, bp += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      FloatVector b1 = FloatVector.fromArray(S, b, bp + L);
      FloatVector b2 = FloatVector.fromArray(S, b, bp + 2 * L);
      FloatVector b3 = FloatVector.fromArray(S, b, bp + 3 * L);
      FloatVector a0 = FloatVector.broadcast(S, a[ai]);
      x00 = a0.fma(b0, x00);
      x01 = a0.fma(b1, x01);
      x02 = a0.fma(b2, x02);
      x03 = a0.fma(b3, x03);
      FloatVector a1 = FloatVector.broadcast(S, a[ai + rs]);
      x10 = a1.fma(b0, x10);
      x11 = a1.fma(b1, x11);
      x12 = a1.fma(b2, x12);
      x13 = a1.fma(b3, x13);
      FloatVector a2 = FloatVector.broadcast(S, a[ai + 2 * rs]);
      x20 = a2.fma(b0, x20);
      x21 = a2.fma(b1, x21);
      x22 = a2.fma(b2, x22);
      x23 = a2.fma(b3, x23);
      FloatVector a3 = FloatVector.broadcast(S, a[ai + 3 * rs]);
      x30 = a3.fma(b0, x30);
      x31 = a3.fma(b1, x31);
      x32 = a3.fma(b2, x32);
      x33 = a3.fma(b3, x33);
    }
    int c0 = cOff + i * ldc + j;
    if (accumulate) {
      int r0 = c0;
      x00 = x00.add(FloatVector.fromArray(S, c, r0));
      x01 = x01.add(FloatVector.fromArray(S, c, r0 + L));
      x02 = x02.add(FloatVector.fromArray(S, c, r0 + 2 * L));
      x03 = x03.add(FloatVector.fromArray(S, c, r0 + 3 * L));
      int r1 = c0 + ldc;
      x10 = x10.add(FloatVector.fromArray(S, c, r1));
      x11 = x11.add(FloatVector.fromArray(S, c, r1 + L));
      x12 = x12.add(FloatVector.fromArray(S, c, r1 + 2 * L));
      x13 = x13.add(FloatVector.fromArray(S, c, r1 + 3 * L));
      int r2 = c0 + 2 * ldc;
      x20 = x20.add(FloatVector.fromArray(S, c, r2));
      x21 = x21.add(FloatVector.fromArray(S, c, r2 + L));
      x22 = x22.add(FloatVector.fromArray(S, c, r2 + 2 * L));
      x23 = x23.add(FloatVector.fromArray(S, c, r2 + 3 * L));
      int r3 = c0 + 3 * ldc;
      x30 = x30.add(FloatVector.fromArray(S, c, r3));
      x31 = x31.add(FloatVector.fromArray(S, c, r3 + L));
      x32 = x32.add(FloatVector.fromArray(S, c, r3 + 2 * L));
      x33 = x33.add(FloatVector.fromArray(S, c, r3 + 3 * L));
    }
    if (bias != null) {
      FloatVector y0 = FloatVector.fromArray(S, bias, j);
      FloatVector y1 = FloatVector.fromArray(S, bias, j + L);
      FloatVector y2 = FloatVector.fromArray(S, bias, j + 2 * L);
      FloatVector y3 = FloatVector.fromArray(S, bias, j + 3 * L);
      x00 = x00.add(y0);
      x01 = x01.add(y1);
      x02 = x02.add(y2);
      x03 = x03.add(y3);
      x10 = x10.add(y0);
      x11 = x11.add(y1);
      x12 = x12.add(y2);
      x13 = x13.add(y3);
      x20 = x20.add(y0);
      x21 = x21.add(y1);
      x22 = x22.add(y2);
      x23 = x23.add(y3);
      x30 = x30.add(y0);
      x31 = x31.add(y1);
      x32 = x32.add(y2);
      x33 = x33.add(y3);
    }
    if (relu) {
      x00 = x00.max(0f);
      x01 = x01.max(0f);
      x02 = x02.max(0f);
      x03 = x03.max(0f);
      x10 = x10.max(0f);
      x11 = x11.max(0f);
      x12 = x12.max(0f);
      x13 = x13.max(0f);
      x20 = x20.max(0f);
      x21 = x21.max(0f);
      x22 = x22.max(0f);
      x23 = x23.max(0f);
      x30 = x30.max(0f);
      x31 = x31.max(0f);
      x32 = x32.max(0f);
      x33 = x33.max(0f);
    }
    int s0 = c0;
    x00.intoArray(c, s0);
    x01.intoArray(c, s0 + L);
    x02.intoArray(c, s0 + 2 * L);
    x03.intoArray(c, s0 + 3 * L);
    int s1 = c0 + ldc;
    x10.intoArray(c, s1);
    x11.intoArray(c, s1 + L);
    x12.intoArray(c, s1 + 2 * L);
    x13.intoArray(c, s1 + 3 * L);
    int s2 = c0 + 2 * ldc;
    x20.intoArray(c, s2);
    x21.intoArray(c, s2 + L);
    x22.intoArray(c, s2 + 2 * L);
    x23.intoArray(c, s2 + 3 * L);
    int s3 = c0 + 3 * ldc;
    x30.intoArray(c, s3);
    x31.intoArray(c, s3 + L);
    x32.intoArray(c, s3 + 2 * L);
    x33.intoArray(c, s3 + 3 * L);
  }

  private static void block4x1(
      int i,
      int j,
      int k,
      float[] a,
      int aOff,
      int rs,
      int cs,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      float[] bias,
      boolean relu) {
    int c0 = cOff + i * ldc + j;
    FloatVector x0, x1, x2, x3;
    if (accumulate) {
      x0 = FloatVector.fromArray(S, c, c0);
      x1 = FloatVector.fromArray(S, c, c0 + ldc);
      x2 = FloatVector.fromArray(S, c, c0 + 2 * ldc);
      x3 = FloatVector.fromArray(S, c, c0 + 3 * ldc);
    } else {
      x0 = FloatVector.zero(S);
      x1 = x0;
      x2 = x0;
      x3 = x0;
    }
    int ai = aOff + i * rs;
    int bp = bOff + j;
    for (int p = 0; p < k; p++, ai += cs, bp += ldb) {
      FloatVector b0 = FloatVector.fromArray(S, b, bp);
      x0 = FloatVector.broadcast(S, a[ai]).fma(b0, x0);
      x1 = FloatVector.broadcast(S, a[ai + rs]).fma(b0, x1);
      x2 = FloatVector.broadcast(S, a[ai + 2 * rs]).fma(b0, x2);
      x3 = FloatVector.broadcast(S, a[ai + 3 * rs]).fma(b0, x3);
    }
    if (bias != null) {
      FloatVector y = FloatVector.fromArray(S, bias, j);
      x0 = x0.add(y);
      x1 = x1.add(y);
      x2 = x2.add(y);
      x3 = x3.add(y);
    }
    if (relu) {
      x0 = x0.max(0f);
      x1 = x1.max(0f);
      x2 = x2.max(0f);
      x3 = x3.max(0f);
    }
    x0.intoArray(c, c0);
    x1.intoArray(c, c0 + ldc);
    x2.intoArray(c, c0 + 2 * ldc);
    x3.intoArray(c, c0 + 3 * ldc);
  }

  private static void block1x1(
      int i,
      int j,
      int k,
      float[] a,
      int aOff,
      int rs,
      int cs,
      float[] b,
      int bOff,
      int ldb,
      float[] c,
      int cOff,
      int ldc,
      boolean accumulate,
      float[] bias,
      boolean relu) {
    int c0 = cOff + i * ldc + j;
    FloatVector x = accumulate ? FloatVector.fromArray(S, c, c0) : FloatVector.zero(S);
    int ai = aOff + i * rs;
    int bp = bOff + j;
    for (int p = 0; p < k; p++, ai += cs, bp += ldb) {
      x = FloatVector.broadcast(S, a[ai]).fma(FloatVector.fromArray(S, b, bp), x);
    }
    if (bias != null) {
      x = x.add(FloatVector.fromArray(S, bias, j));
    }
    if (relu) {
      x = x.max(0f);
    }
    x.intoArray(c, c0);
  }

  @Override
  public void reluBackward(float[] grad, float[] activation, int length) {
    int i = 0;
    for (int bound = S.loopBound(length); i < bound; i += L) {
      FloatVector h = FloatVector.fromArray(S, activation, i);
      FloatVector g = FloatVector.fromArray(S, grad, i);
      g.blend(0f, h.compare(VectorOperators.LE, 0f)).intoArray(grad, i);
    }
    for (; i < length; i++) {
      if (activation[i] <= 0f) {
        grad[i] = 0f;
      }
    }
  }

  @Override
  public void columnSums(float[] x, int rows, int cols, float[] out, int outOff) {
    for (int j = 0; j < cols; j += L) {
      FloatVector s = FloatVector.zero(S);
      for (int i = 0, xi = j; i < rows; i++, xi += cols) {
        s = s.add(FloatVector.fromArray(S, x, xi));
      }
      s.intoArray(out, outOff + j);
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
    int i = from;
    for (int bound = from + S.loopBound(to - from); i < bound; i += L) {
      FloatVector g = FloatVector.fromArray(S, grads, i);
      FloatVector mi = FloatVector.fromArray(S, m, i).mul(beta1).add(g.mul(c1));
      FloatVector vi = FloatVector.fromArray(S, v, i).mul(beta2).add(g.mul(g).mul(c2));
      mi.intoArray(m, i);
      vi.intoArray(v, i);
      FloatVector denom = vi.sqrt().mul(invSqrtBias2).add(eps);
      FloatVector.fromArray(S, params, i).sub(mi.mul(stepSize).div(denom)).intoArray(params, i);
    }
    for (; i < to; i++) {
      float g = grads[i];
      float mi = beta1 * m[i] + c1 * g;
      float vi = beta2 * v[i] + c2 * g * g;
      m[i] = mi;
      v[i] = vi;
      params[i] -= stepSize * mi / ((float) Math.sqrt(vi) * invSqrtBias2 + eps);
    }
  }

  private static volatile boolean warm;

  @Override
  public void warmUp() {
    if (warm) {
      return;
    }
    synchronized (VectorKernels.class) {
      if (warm) {
        return;
      }
      int n = 5 * L;
      float[] a = new float[64];
      float[] b = new float[4 * n];
      float[] c = new float[11 * n];
      float[] bias = new float[n];
      float[] params = new float[n + 3];
      float[] grads = new float[n + 3];
      float[] m = new float[n + 3];
      float[] v = new float[n + 3];
      for (int i = 0; i < a.length; i++) {
        a[i] = (i % 7) - 3;
      }
      for (int i = 0; i < b.length; i++) {
        b[i] = (i % 5) - 2;
      }
      // Enough calls to pass C2's invocation thresholds (Tier4InvocationThreshold is 5000).
      for (int r = 0; r < 12_000; r++) {
        boolean odd = (r & 1) == 1;
        // 11 rows = one 6-row block, one 4-row block and one single row
        gemm(11, n, 2, a, 0, 4, 1, b, 0, n, c, 0, n, odd, odd ? null : bias, !odd);
        gemm(11, n, 2, a, 0, 1, 11, b, 0, n, c, 0, n, false, null, false);
        reluBackward(c, b, n + 3);
        columnSums(c, 2, n, grads, 0);
        adam(params, grads, m, v, 0, n + 3, 0.9f, 0.999f, 1e-3f, 1f, 1e-8f);
      }
      warm = true;
    }
  }

  @Override
  public String name() {
    return "vector-" + S.vectorBitSize();
  }
}
