package dev.heredity.weights;

import dev.heredity.transfer.engine.Kernels;
import java.util.concurrent.ExecutorService;

/**
 * All-pairs cosine similarity of two models' unit vectors: one float GEMM on the transfer kernels.
 */
final class CosineMatrix {
  /** Rows per GEMM task; a multiple of 4 and 6, the kernels' register tiles. */
  static final int ROW_BLOCK = 192;

  // Blocks sized so the B panel (K_BLOCK x N_BLOCK floats, 256 KB) and the A block stay in L2:
  // without
  // them a 11008 x 4096 operand is streamed from memory once per 6-row register tile.
  private static final int N_BLOCK = 256;
  private static final int K_BLOCK = 256;
  // Up to this depth (a sketched view) the whole depth is one block, so each entry of the large
  // cosine matrix is written once instead of once per K block: measured 74 against 56-62 GFLOP per
  // CPU-second on 11008 x 11008 x 1024 (the panel narrows to keep it in L2).
  private static final int ONE_PASS_DEPTH = 1024;
  private static final int ONE_PASS_N_BLOCK = 128;

  private CosineMatrix() {}

  /** The GEMM's column count: the units rounded up to the kernels' padding. */
  static int padded(int units) {
    return (units + Kernels.PAD - 1) / Kernels.PAD * Kernels.PAD;
  }

  /**
   * {@code rows} rows of cosines into {@code c} (row stride {@code padded}, from {@code cOff}): the
   * unit vectors read from {@code a} at {@code aOff} with the given strides, times {@code bt}
   * ({@code k x padded}, from {@link UnitVectors#transposedPadded}).
   */
  static void rows(
      Kernels kernels,
      float[] a,
      int aOff,
      int aRowStride,
      int aColStride,
      int rows,
      int k,
      float[] bt,
      int padded,
      float[] c,
      int cOff) {
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
            a,
            aOff + k0 * aColStride,
            aRowStride,
            aColStride,
            bt,
            k0 * padded + n0,
            padded,
            c,
            cOff + n0,
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
    int padded = padded(n);
    float[] bt = b.transposedPadded(padded);
    float[] square = new float[Math.multiplyExact(n, n)];
    int blocks = (n + ROW_BLOCK - 1) / ROW_BLOCK;
    // when padded > n the rows are too wide for the square matrix: each block goes through a
    // buffer of its worker, never a second n x padded matrix
    BlockWorkers.run(
        pool,
        threads,
        blocks,
        () -> padded == n ? square : new float[ROW_BLOCK * padded],
        (c, block) -> {
          int start = block * ROW_BLOCK;
          int rows = Math.min(ROW_BLOCK, n - start);
          boolean direct = c == square;
          rows(
              kernels,
              a.data,
              start * a.unitStride,
              a.unitStride,
              a.featureStride,
              rows,
              a.features,
              bt,
              padded,
              c,
              direct ? start * padded : 0);
          for (int r = 0; !direct && r < rows; r++) {
            System.arraycopy(c, r * padded, square, (start + r) * n, n);
          }
        });
    return square;
  }
}
