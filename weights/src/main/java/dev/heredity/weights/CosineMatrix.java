package dev.heredity.weights;

import dev.heredity.transfer.engine.Kernels;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * All-pairs cosine similarity of two models' unit vectors: one float GEMM on the transfer kernels.
 */
final class CosineMatrix {
  // Blocks sized so the B panel (K_BLOCK x N_BLOCK floats, 256 KB) and the A block stay in L2:
  // without
  // them a 11008 x 4096 operand is streamed from memory once per 6-row register tile.
  private static final int ROW_BLOCK = 192;
  private static final int N_BLOCK = 256;
  private static final int K_BLOCK = 256;
  // Up to this depth (a sketched view) the whole depth is one block, so each entry of the large
  // cosine matrix is written once instead of once per K block: measured 74 against 56-62 GFLOP per
  // CPU-second on 11008 x 11008 x 1024 (the panel narrows to keep it in L2).
  private static final int ONE_PASS_DEPTH = 1024;
  private static final int ONE_PASS_N_BLOCK = 128;

  private CosineMatrix() {}

  private static void rowBlock(
      Kernels kernels,
      UnitVectors a,
      float[] bt,
      float[] c,
      int start,
      int rows,
      int padded,
      int k) {
    int nBlock = k <= ONE_PASS_DEPTH ? ONE_PASS_N_BLOCK : N_BLOCK;
    int kBlock = k <= ONE_PASS_DEPTH ? k : K_BLOCK;
    for (int n0 = 0; n0 < padded; n0 += nBlock) {
      int width = Math.min(nBlock, padded - n0);
      for (int k0 = 0; k0 < k; k0 += kBlock) {
        int depth = Math.min(kBlock, k - k0);
        kernels.gemm(
            rows,
            width,
            depth,
            a.data,
            start * a.unitStride + k0 * a.featureStride,
            a.unitStride,
            a.featureStride,
            bt,
            k0 * padded + n0,
            padded,
            c,
            start * padded + n0,
            padded,
            k0 > 0,
            null,
            false);
      }
    }
  }

  /** {@code units x units} row-major: entry (i, j) is the cosine of unit i of A and unit j of B. */
  static float[] compute(
      UnitVectors a, UnitVectors b, Kernels kernels, ExecutorService pool, int threads) {
    int n = a.units;
    int padded = (n + Kernels.PAD - 1) / Kernels.PAD * Kernels.PAD;
    float[] bt = b.transposedPadded(padded);
    float[] c = new float[Math.multiplyExact(n, padded)];
    int k = a.features;
    List<Future<?>> jobs = new ArrayList<>();
    for (int from = 0; from < n; from += ROW_BLOCK) {
      int start = from;
      int rows = Math.min(ROW_BLOCK, n - from);
      jobs.add(pool.submit(() -> rowBlock(kernels, a, bt, c, start, rows, padded, k)));
    }
    for (Future<?> f : jobs) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r
            ? r
            : new IllegalStateException(e.getCause());
      }
    }
    if (padded == n) {
      return c;
    }
    float[] square = new float[Math.multiplyExact(n, n)];
    for (int i = 0; i < n; i++) {
      System.arraycopy(c, i * padded, square, i * n, n);
    }
    return square;
  }
}
