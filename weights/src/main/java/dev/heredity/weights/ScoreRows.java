package dev.heredity.weights;

/**
 * The {@code n x n} scores an assignment reads, a block of rows at a time: held in memory ({@link
 * DenseScores}) or recomputed on demand ({@link StreamedCosines}).
 */
interface ScoreRows {
  int n();

  /** The most rows worth loading at once: bounds a reader's buffers. */
  int blockRows();

  /** A reader of blocks of up to {@code capacity} rows, for one thread at a time. */
  Reader reader(int capacity);

  /** One block of rows, loaded then read. */
  interface Reader {
    /**
     * Loads {@code rows[from, to)}; the scores of {@code rows[from + r]} are then in {@link #data}.
     */
    void load(int[] rows, int from, int to);

    /** Holds the scores of the loaded row {@code r} at {@code [start(r), start(r) + n)}. */
    float[] data();

    int start(int r);
  }
}
