package dev.heredity.weights;

import dev.heredity.transfer.engine.Kernels;

/**
 * The cosine matrix of two models' unit vectors, recomputed a block of rows at a time by the same
 * GEMM as {@link CosineMatrix}, so it never exists whole: memory is the unit vectors plus one
 * buffer of at most {@value #BUFFER_BYTES} bytes per reader. Each entry has the same bits as in
 * {@link CosineMatrix#compute}.
 */
final class StreamedCosines implements ScoreRows {
  static final int BUFFER_BYTES = 16 << 20;

  /**
   * Rows come in the vector kernels' 4-row register tiles, except the last {@code n % 4} rows of
   * the matrix, which the dense GEMM computes one at a time. When the depth is split into several
   * blocks, a 4-row tile adds each block's sum to C where a single row accumulates into it, which
   * rounds differently; so a loaded block puts its rows where the dense GEMM had them: tiled rows
   * first, filled up to a multiple of 4, then the matrix's last rows.
   */
  private static final int TILE = 4;

  private final float[] a;
  private final int aRowStride;
  private final int aColStride;
  private final float[] bt;
  private final int n;
  private final int k;
  private final int padded;
  private final int tiledRows;
  private final Kernels kernels;

  StreamedCosines(UnitVectors a, UnitVectors b, Kernels kernels) {
    this.a = a.data;
    this.aRowStride = a.unitStride;
    this.aColStride = a.featureStride;
    this.n = a.units;
    this.k = a.features;
    this.padded = CosineMatrix.padded(n);
    this.bt = b.transposedPadded(padded);
    this.tiledRows = n / TILE * TILE;
    this.kernels = kernels;
  }

  @Override
  public int n() {
    return n;
  }

  @Override
  public int blockRows() {
    long perRow = (long) (padded + k) * Float.BYTES;
    long rows = BUFFER_BYTES / perRow / TILE * TILE - TILE; // room for the rows that fill a tile
    return (int) Math.max(1, Math.min(CosineMatrix.ROW_BLOCK, rows));
  }

  @Override
  public Reader reader(int capacity) {
    return new BlockReader(capacity);
  }

  private final class BlockReader implements Reader {
    private final float[] gathered;
    private final float[] c;
    private final int[] slot;

    BlockReader(int capacity) {
      int rows = capacity + TILE - 1;
      this.gathered = new float[Math.multiplyExact(rows, k)];
      this.c = new float[Math.multiplyExact(rows, padded)];
      this.slot = new int[capacity];
    }

    @Override
    public void load(int[] rows, int from, int to) {
      int used = 0;
      for (int r = from; r < to; r++) {
        if (rows[r] < tiledRows) {
          gather(rows[r], used);
          slot[r - from] = used++;
        }
      }
      int last = used - 1;
      while (used % TILE != 0) {
        System.arraycopy(gathered, last * k, gathered, used++ * k, k);
      }
      for (int r = from; r < to; r++) {
        if (rows[r] >= tiledRows) {
          gather(rows[r], used);
          slot[r - from] = used++;
        }
      }
      CosineMatrix.rows(kernels, gathered, 0, k, 1, used, k, bt, padded, c, 0);
    }

    private void gather(int unit, int to) {
      int base = unit * aRowStride;
      int out = to * k;
      if (aColStride == 1) {
        System.arraycopy(a, base, gathered, out, k);
        return;
      }
      for (int p = 0; p < k; p++) {
        gathered[out + p] = a[base + p * aColStride];
      }
    }

    @Override
    public float[] data() {
      return c;
    }

    @Override
    public int start(int r) {
      return slot[r] * padded;
    }
  }
}
