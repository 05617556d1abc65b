package dev.heredity.weights;

import java.util.Arrays;

/**
 * Dense linear assignment (Jonker and Volgenant, 1987): the permutation {@code x} minimising {@code
 * sum_i cost[i*n + x[i]]}. Column reduction with reduction transfer, two rounds of augmenting row
 * reduction, then shortest augmenting paths (Dijkstra on reduced costs) for the rows still free.
 * Costs are floats (the cosine matrix of an 11008-unit layer is 485 MB as floats); duals and path
 * lengths are doubles. The comparison uses {@link SparseAssignment}, which reaches the same optimum
 * far faster on large matrices; this dense solver is its reference in tests.
 */
public final class LinearAssignment {
  private final int n;
  private final float[] cost;
  private final int[] x; // column of row i
  private final int[] y; // row of column j
  private final double[] v; // column duals

  private LinearAssignment(float[] cost, int n) {
    this.n = n;
    this.cost = cost;
    this.x = new int[n];
    this.y = new int[n];
    this.v = new double[n];
  }

  /** The column assigned to each row, minimising the total cost of an n x n row-major matrix. */
  public static int[] minimise(float[] cost, int n) {
    if ((long) n * n != cost.length) {
      throw new IllegalArgumentException(
          "cost has " + cost.length + " entries, not " + n + " x " + n);
    }
    if (n == 0) {
      return new int[0];
    }
    return new LinearAssignment(cost, n).solve();
  }

  /** The column assigned to each row, maximising the total; negates {@code score} in place. */
  public static int[] maximiseInPlace(float[] score, int n) {
    for (int i = 0; i < score.length; i++) {
      score[i] = -score[i];
    }
    return minimise(score, n);
  }

  private int[] solve() {
    int[] free = new int[n];
    int freeCount = columnReduction(free);
    for (int round = 0; round < 2 && freeCount > 0; round++) {
      freeCount = augmentingRowReduction(free, freeCount);
    }
    int[] pred = new int[n];
    int[] cols = new int[n];
    double[] d = new double[n];
    for (int f = 0; f < freeCount; f++) {
      augment(free[f], pred, cols, d);
    }
    return x.clone();
  }

  private int columnReduction(int[] free) {
    Arrays.fill(x, -1);
    Arrays.fill(v, Double.POSITIVE_INFINITY);
    Arrays.fill(y, 0);
    for (int i = 0; i < n; i++) {
      int row = i * n;
      for (int j = 0; j < n; j++) {
        double c = cost[row + j];
        if (c < v[j]) {
          v[j] = c;
          y[j] = i;
        }
      }
    }
    boolean[] unique = new boolean[n];
    Arrays.fill(unique, true);
    for (int j = n - 1; j >= 0; j--) {
      int i = y[j];
      if (x[i] < 0) {
        x[i] = j;
      } else {
        unique[i] = false;
        y[j] = -1;
      }
    }
    int freeCount = 0;
    for (int i = 0; i < n; i++) {
      if (x[i] < 0) {
        free[freeCount++] = i;
      } else if (unique[i]) {
        int j = x[i];
        double min = Double.POSITIVE_INFINITY;
        int row = i * n;
        for (int j2 = 0; j2 < n; j2++) {
          if (j2 != j) {
            double c = cost[row + j2] - v[j2];
            if (c < min) {
              min = c;
            }
          }
        }
        if (min != Double.POSITIVE_INFINITY) {
          v[j] -= min;
        }
      }
    }
    return freeCount;
  }

  private int augmentingRowReduction(int[] free, int freeCount) {
    int current = 0;
    int newFree = 0;
    long steps = 0;
    while (current < freeCount) {
      steps++;
      int freeRow = free[current++];
      int row = freeRow * n;
      int j1 = 0;
      double u1 = cost[row] - v[0];
      int j2 = -1;
      double u2 = Double.POSITIVE_INFINITY;
      for (int j = 1; j < n; j++) {
        double c = cost[row + j] - v[j];
        if (c < u2) {
          if (c >= u1) {
            u2 = c;
            j2 = j;
          } else {
            u2 = u1;
            u1 = c;
            j2 = j1;
            j1 = j;
          }
        }
      }
      int i0 = y[j1];
      double lowered = v[j1] - (u2 - u1);
      boolean lowers = lowered < v[j1];
      if (steps < (long) current * n) {
        if (lowers) {
          v[j1] = lowered;
        } else if (i0 >= 0 && j2 >= 0) {
          j1 = j2;
          i0 = y[j2];
        }
        if (i0 >= 0) {
          if (lowers) {
            free[--current] = i0;
          } else {
            free[newFree++] = i0;
          }
        }
      } else if (i0 >= 0) {
        free[newFree++] = i0;
      }
      x[freeRow] = j1;
      y[j1] = freeRow;
    }
    return newFree;
  }

  /** Shortest augmenting path from a free row to a free column, then flips the path. */
  private void augment(int start, int[] pred, int[] cols, double[] d) {
    int startRow = start * n;
    for (int j = 0; j < n; j++) {
      cols[j] = j;
      pred[j] = start;
      d[j] = cost[startRow + j] - v[j];
    }
    int lo = 0;
    int hi = 0;
    int ready = 0;
    int end = -1;
    double level = 0;
    while (end < 0) {
      if (lo == hi) {
        ready = lo;
        hi = collectMinima(lo, d, cols);
        level = d[cols[lo]];
        for (int k = lo; k < hi; k++) {
          if (y[cols[k]] < 0) {
            end = cols[k];
          }
        }
      }
      if (end < 0) {
        // scan the rows behind the columns at the current minimum distance
        double min = level;
        while (end < 0 && lo != hi) {
          int j = cols[lo++];
          int i = y[j];
          double h = cost[i * n + j] - v[j] - min;
          int row = i * n;
          for (int k = hi; k < n; k++) {
            int jj = cols[k];
            double reduced = cost[row + jj] - v[jj] - h;
            if (reduced < d[jj]) {
              d[jj] = reduced;
              pred[jj] = i;
              if (reduced == min) {
                if (y[jj] < 0) {
                  end = jj;
                  break;
                }
                cols[k] = cols[hi];
                cols[hi++] = jj;
              }
            }
          }
        }
      }
    }
    for (int k = 0; k < ready; k++) {
      int j = cols[k];
      v[j] += d[j] - level;
    }
    int i = -1;
    int j = end;
    while (i != start) {
      i = pred[j];
      y[j] = i;
      int previous = x[i];
      x[i] = j;
      j = previous;
    }
  }

  /**
   * Moves the columns at the minimum distance among {@code cols[lo..]} to {@code [lo, hi)}; returns
   * hi.
   */
  private int collectMinima(int lo, double[] d, int[] cols) {
    int hi = lo + 1;
    double min = d[cols[lo]];
    for (int k = hi; k < n; k++) {
      int j = cols[k];
      if (d[j] <= min) {
        if (d[j] < min) {
          hi = lo;
          min = d[j];
        }
        cols[k] = cols[hi];
        cols[hi++] = j;
      }
    }
    return hi;
  }
}
