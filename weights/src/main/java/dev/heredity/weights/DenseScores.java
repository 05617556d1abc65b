package dev.heredity.weights;

/** A row-major {@code n x n} score matrix in memory: loading a block of rows copies nothing. */
record DenseScores(float[] score, int n) implements ScoreRows {
  DenseScores {
    if ((long) n * n != score.length) {
      throw new IllegalArgumentException(
          "score has " + score.length + " entries, not " + n + " x " + n);
    }
  }

  @Override
  public int blockRows() {
    return Math.max(1, n);
  }

  @Override
  public Reader reader(int capacity) {
    return new Reader() {
      private int[] rows;
      private int from;

      @Override
      public void load(int[] rows, int from, int to) {
        this.rows = rows;
        this.from = from;
      }

      @Override
      public float[] data() {
        return score;
      }

      @Override
      public int start(int r) {
        return rows[from + r] * n;
      }
    };
  }
}
