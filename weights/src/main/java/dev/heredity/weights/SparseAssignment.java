package dev.heredity.weights;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The exact maximum-score assignment of a dense {@code n x n} score matrix, solved on a sparse
 * candidate graph and proved optimal for the dense matrix by a dual certificate.
 *
 * <p>Candidates are the {@code k} best scores of each row. Jonker and Volgenant's augmenting row
 * reduction and shortest augmenting paths (Dijkstra over the candidate edges, with column
 * potentials) give an assignment and duals that are optimal on the candidate graph. The certificate
 * then checks every dense entry: a reduced cost {@code c_ij - u_i - v_j} below zero (costs are
 * negated scores) is an edge the candidates missed; it is added, its row is freed and re-augmented,
 * and the check repeats. When no entry violates, the duals are feasible for the dense problem and
 * complementary slackness holds on the matched edges, so the assignment is optimal for the dense
 * matrix: the same optimum the dense solver finds, at the cost of a few passes over the matrix
 * instead of {@code O(n)} per augmenting-path step. A row whose search reaches no free column gets
 * its whole dense row as candidates, so the graph always has a perfect matching.
 *
 * <p>The scores are read only through {@link ScoreRows}, a block of rows at a time (candidate
 * selection and certificate passes) or one row (the whole-row fallback), so they can be recomputed
 * on demand instead of held: the solver itself needs {@code O(n k)} memory.
 */
final class SparseAssignment {
  /** Candidates per row: enough that the certificate rarely adds edges on random-like scores. */
  static final int CANDIDATES = 32;

  /**
   * Reduced costs above {@code -TOLERANCE} pass the certificate: double duals computed from float
   * costs carry rounding of order 1e-16 per operation, far below a float cost's resolution.
   */
  private static final double TOLERANCE = 1e-9;

  /**
   * The solution with how it was reached.
   *
   * @param rowToColumn the column of each row
   * @param rounds certificate passes (1 when the candidates sufficed); the first checks every row,
   *     later ones only the rows whose duals moved
   * @param edges candidate edges at the end
   * @param matchedScore the summed score of the matched entries, in row order (a non-finite score
   *     counts as {@code -Float.MAX_VALUE}, as in the solver)
   */
  record Solution(int[] rowToColumn, int rounds, long edges, double matchedScore) {}

  /** A certificate violation: row {@code row} misses the candidates {@code columns}. */
  private record Violation(int row, int[] columns, float[] costs) {}

  private final ScoreRows scores;
  private final int n;
  private final int[][] cols;
  private final float[][] costs; // negated scores: the solver minimises
  private final int[] degree;
  // no column outside row i's candidates costs less than bound[i] (its k-th lowest cost)
  private final float[] bound;
  private final int[] x; // column of row i, -1 when free
  private final int[] y; // row of column j, -1 when free
  private final float[] xCost; // cost of row i's assigned edge
  private final double[] v; // column potentials
  // Dijkstra state, reset after each search
  private final double[] d;
  private final int[] pred;
  private final float[] predCost;
  private final boolean[] done;
  // rows whose dual u_i may have changed since the last certificate pass
  private final boolean[] dirty;
  private final int[] touched;
  private final MinHeap heap;

  private SparseAssignment(ScoreRows scores) {
    this.scores = scores;
    this.n = scores.n();
    this.cols = new int[n][];
    this.costs = new float[n][];
    this.degree = new int[n];
    this.bound = new float[n];
    this.x = new int[n];
    this.y = new int[n];
    this.xCost = new float[n];
    this.v = new double[n];
    this.d = new double[n];
    this.pred = new int[n];
    this.predCost = new float[n];
    this.done = new boolean[n];
    this.dirty = new boolean[n];
    this.touched = new int[n];
    this.heap = new MinHeap(64);
    Arrays.fill(x, -1);
    Arrays.fill(y, -1);
    Arrays.fill(d, Double.POSITIVE_INFINITY);
  }

  /**
   * The assignment maximising the summed score of a row-major {@code n x n} matrix (left
   * unchanged); non-finite scores count as the lowest possible score.
   */
  static Solution maximise(
      float[] score, int n, int candidates, ExecutorService pool, int threads) {
    return maximise(new DenseScores(score, n), candidates, pool, threads);
  }

  /** The assignment maximising the summed score, reading the scores a block of rows at a time. */
  static Solution maximise(ScoreRows scores, int candidates, ExecutorService pool, int threads) {
    if (candidates < 1) {
      throw new IllegalArgumentException("candidates must be at least 1, got " + candidates);
    }
    SparseAssignment s = new SparseAssignment(scores);
    int n = s.n;
    if (n == 0) {
      return new Solution(new int[0], 0, 0, 0);
    }
    s.selectCandidates(Math.min(candidates, n), pool, threads);
    int[] free = new int[n];
    for (int i = 0; i < n; i++) {
      free[i] = i;
    }
    int freeCount = n;
    for (int round = 0; round < 2 && freeCount > 0; round++) {
      freeCount = s.augmentingRowReduction(free, freeCount);
    }
    s.augmentAll(free, freeCount);
    int rounds = 0;
    int[] check = identity(n);
    int checkCount = n;
    while (true) {
      rounds++;
      List<Violation> violations = s.certificate(check, checkCount, pool, threads);
      if (violations.isEmpty()) {
        break;
      }
      int freed = 0;
      for (Violation violation : violations) {
        int i = violation.row();
        for (int k = 0; k < violation.columns().length; k++) {
          s.addEdge(i, violation.columns()[k], violation.costs()[k]);
        }
        s.y[s.x[i]] = -1;
        s.x[i] = -1;
        free[freed++] = i;
      }
      s.augmentAll(free, freed);
      checkCount = s.takeDirty(check);
    }
    long edges = 0;
    double matched = 0;
    for (int i = 0; i < n; i++) {
      edges += s.degree[i];
      matched += -s.xCost[i];
    }
    return new Solution(s.x.clone(), rounds, edges, matched);
  }

  private static float cost(float score) {
    return Float.isFinite(score) ? -score : Float.MAX_VALUE;
  }

  private static int[] identity(int n) {
    int[] id = new int[n];
    for (int i = 0; i < n; i++) {
      id[i] = i;
    }
    return id;
  }

  /**
   * Rows per block of a pass over {@code count} rows: a few blocks per thread to balance the load,
   * no more rows than the scores can load at once.
   */
  private int blockSize(int count, int threads) {
    int perThreadShare = Math.max(1, (count + threads * 4 - 1) / (threads * 4));
    return Math.min(perThreadShare, scores.blockRows());
  }

  // ---- candidates ----

  private void selectCandidates(int k, ExecutorService pool, int threads) {
    int[] rows = identity(n);
    int block = blockSize(n, threads);
    BlockWorkers.run(
        pool,
        threads,
        (n + block - 1) / block,
        () -> scores.reader(block),
        (reader, b) -> {
          int from = b * block;
          int to = Math.min(n, from + block);
          reader.load(rows, from, to);
          selectRows(reader, from, to, k);
        });
  }

  /**
   * The k lowest costs of each loaded row, by a bounded max-heap (most entries lose one
   * comparison).
   */
  private void selectRows(ScoreRows.Reader reader, int from, int to, int k) {
    float[] keys = new float[k];
    int[] idx = new int[k];
    float[] data = reader.data();
    for (int i = from; i < to; i++) {
      int size = 0;
      int base = reader.start(i - from);
      for (int j = 0; j < n; j++) {
        float c = cost(data[base + j]);
        if (size < k) {
          keys[size] = c;
          idx[size] = j;
          siftUp(keys, idx, size++);
        } else if (c < keys[0]) {
          keys[0] = c;
          idx[0] = j;
          siftDown(keys, idx, k);
        }
      }
      cols[i] = Arrays.copyOf(idx, Math.max(size, 4));
      costs[i] = Arrays.copyOf(keys, Math.max(size, 4));
      degree[i] = size;
      bound[i] = keys[0];
    }
  }

  private static void siftUp(float[] keys, int[] idx, int at) {
    while (at > 0) {
      int parent = (at - 1) / 2;
      if (keys[parent] >= keys[at]) {
        return;
      }
      swap(keys, idx, parent, at);
      at = parent;
    }
  }

  private static void siftDown(float[] keys, int[] idx, int size) {
    int at = 0;
    while (true) {
      int l = 2 * at + 1;
      if (l >= size) {
        return;
      }
      int big = l + 1 < size && keys[l + 1] > keys[l] ? l + 1 : l;
      if (keys[at] >= keys[big]) {
        return;
      }
      swap(keys, idx, at, big);
      at = big;
    }
  }

  private static void swap(float[] keys, int[] idx, int a, int b) {
    float k = keys[a];
    keys[a] = keys[b];
    keys[b] = k;
    int t = idx[a];
    idx[a] = idx[b];
    idx[b] = t;
  }

  private void addEdge(int i, int j, float cost) {
    if (degree[i] == cols[i].length) {
      int grown = Math.min(n, Math.max(4, cols[i].length * 2));
      cols[i] = Arrays.copyOf(cols[i], grown);
      costs[i] = Arrays.copyOf(costs[i], grown);
    }
    cols[i][degree[i]] = j;
    costs[i][degree[i]] = cost;
    degree[i]++;
  }

  /** Replaces row i's candidates by its whole dense row. */
  private void denseRow(int i) {
    ScoreRows.Reader reader = scores.reader(1);
    reader.load(new int[] {i}, 0, 1);
    float[] data = reader.data();
    int base = reader.start(0);
    cols[i] = new int[n];
    costs[i] = new float[n];
    for (int j = 0; j < n; j++) {
      cols[i][j] = j;
      costs[i][j] = cost(data[base + j]);
    }
    degree[i] = n;
    bound[i] = Float.POSITIVE_INFINITY;
  }

  // ---- Jonker-Volgenant on the candidate graph ----

  /**
   * Auction-like pass: each free row takes its cheapest column (reduced by v), lowers that column's
   * potential to the gap to its second choice, and evicts the previous owner. Keeps every assigned
   * row on a minimum reduced-cost edge.
   */
  private int augmentingRowReduction(int[] free, int freeCount) {
    int current = 0;
    int newFree = 0;
    long steps = 0;
    while (current < freeCount) {
      steps++;
      int row = free[current++];
      int[] rc = cols[row];
      float[] cc = costs[row];
      int j1 = -1;
      float c1 = 0;
      double u1 = Double.POSITIVE_INFINITY;
      int j2 = -1;
      float c2 = 0;
      double u2 = Double.POSITIVE_INFINITY;
      for (int e = 0; e < degree[row]; e++) {
        int j = rc[e];
        double r = cc[e] - v[j];
        if (r < u2) {
          if (r >= u1) {
            u2 = r;
            j2 = j;
            c2 = cc[e];
          } else {
            u2 = u1;
            j2 = j1;
            c2 = c1;
            u1 = r;
            j1 = j;
            c1 = cc[e];
          }
        }
      }
      if (j1 < 0) {
        free[newFree++] = row; // no candidates left: the augmenting phase handles it
        continue;
      }
      int i0 = y[j1];
      boolean lowers = j2 >= 0 && u1 < u2;
      if (steps < (long) current * n) {
        if (lowers) {
          v[j1] -= u2 - u1;
        } else if (i0 >= 0 && j2 >= 0) {
          j1 = j2;
          c1 = c2;
          i0 = y[j2];
        }
        if (i0 >= 0) {
          x[i0] = -1;
          if (lowers) {
            free[--current] = i0;
          } else {
            free[newFree++] = i0;
          }
        }
      } else if (i0 >= 0) {
        x[i0] = -1;
        free[newFree++] = i0;
      }
      x[row] = j1;
      y[j1] = row;
      xCost[row] = c1;
    }
    return newFree;
  }

  private void augmentAll(int[] free, int count) {
    for (int f = 0; f < count; f++) {
      int row = free[f];
      if (x[row] >= 0) {
        continue;
      }
      if (!augment(row)) {
        denseRow(row);
        if (!augment(row)) {
          throw new IllegalStateException("no augmenting path from row " + row + " of " + n);
        }
      }
    }
  }

  /**
   * Dijkstra from a free row over reduced costs to the nearest free column, then flips the path and
   * lowers the potentials of the columns settled before it (so every assigned row stays on a
   * minimum reduced-cost edge). False when no free column is reachable.
   */
  private boolean augment(int start) {
    int touchedCount = 0;
    int settledCount = 0;
    int[] settled = new int[16];
    heap.clear();
    for (int e = 0; e < degree[start]; e++) {
      int j = cols[start][e];
      double r = costs[start][e] - v[j];
      if (r < d[j]) {
        if (d[j] == Double.POSITIVE_INFINITY) {
          touched[touchedCount++] = j;
        }
        d[j] = r;
        pred[j] = start;
        predCost[j] = costs[start][e];
        heap.push(r, j);
      }
    }
    int end = -1;
    double level = 0;
    while (!heap.isEmpty()) {
      double dj = heap.minKey();
      int j = heap.pop();
      if (done[j] || dj > d[j]) {
        continue;
      }
      if (y[j] < 0) {
        end = j;
        level = dj;
        break;
      }
      done[j] = true;
      if (settledCount == settled.length) {
        settled = Arrays.copyOf(settled, settledCount * 2);
      }
      settled[settledCount++] = j;
      int i = y[j];
      double h = xCost[i] - v[j] - dj;
      int[] rc = cols[i];
      float[] cc = costs[i];
      for (int e = 0; e < degree[i]; e++) {
        int jj = rc[e];
        if (done[jj]) {
          continue;
        }
        double r = cc[e] - v[jj] - h;
        if (r < d[jj]) {
          if (d[jj] == Double.POSITIVE_INFINITY) {
            touched[touchedCount++] = jj;
          }
          d[jj] = r;
          pred[jj] = i;
          predCost[jj] = cc[e];
          heap.push(r, jj);
        }
      }
    }
    if (end >= 0) {
      dirty[start] = true;
      for (int k = 0; k < settledCount; k++) {
        int j = settled[k];
        v[j] += d[j] - level;
        dirty[y[j]] = true; // its u changes with v[j]; the path's rows are among these
      }
      int j = end;
      while (true) {
        int i = pred[j];
        float c = predCost[j];
        y[j] = i;
        int previous = x[i];
        x[i] = j;
        xCost[i] = c;
        if (i == start) {
          break;
        }
        j = previous;
      }
    }
    for (int k = 0; k < touchedCount; k++) {
      d[touched[k]] = Double.POSITIVE_INFINITY;
      done[touched[k]] = false;
    }
    return end >= 0;
  }

  // ---- certificate ----

  /**
   * The rows to check again, into {@code out}. Potentials only ever decrease, which only raises
   * reduced costs; so a row whose assigned column kept its potential (it was not settled by a
   * search) and that was not on an augmenting path cannot have gained a violation.
   */
  private int takeDirty(int[] out) {
    int count = 0;
    for (int i = 0; i < n; i++) {
      if (dirty[i]) {
        out[count++] = i;
        dirty[i] = false;
      }
    }
    return count;
  }

  /**
   * Every dense entry of the given rows checked against the duals, a block of rows at a time: per
   * row with violations, in the order of {@code rows}, the entries whose reduced cost is negative
   * and that are not candidates yet.
   *
   * <p>A column outside row i's candidates has a reduced cost of at least {@code bound[i] - max_j
   * v_j - u_i} (potentials start at 0 and only decrease, but for rounding), and the same holds for
   * the rounded values the check compares: a row whose bound clears {@code u_i} cannot violate and
   * is not read at all (on a fine-tune, most rows).
   */
  private List<Violation> certificate(int[] rows, int count, ExecutorService pool, int threads) {
    double maxV = 0;
    for (double vj : v) {
      maxV = Math.max(maxV, vj);
    }
    int[] open = new int[count];
    int openCount = 0;
    for (int r = 0; r < count; r++) {
      int i = rows[r];
      if (bound[i] - maxV < xCost[i] - v[x[i]] - TOLERANCE) {
        open[openCount++] = i;
      }
    }
    if (openCount == 0) {
      return List.of();
    }
    int toCheck = openCount;
    int block = blockSize(toCheck, threads);
    int blocks = (toCheck + block - 1) / block;
    List<List<Violation>> byBlock = new ArrayList<>();
    for (int b = 0; b < blocks; b++) {
      byBlock.add(null);
    }
    BlockWorkers.run(
        pool,
        threads,
        blocks,
        () -> new Checker(scores.reader(block)),
        (checker, b) -> {
          int from = b * block;
          int to = Math.min(toCheck, from + block);
          checker.reader.load(open, from, to);
          byBlock.set(b, checker.violations(open, from, to));
        });
    List<Violation> all = new ArrayList<>();
    byBlock.forEach(all::addAll);
    return all;
  }

  /** One worker's certificate pass: its reader and scratch. */
  private final class Checker {
    private final ScoreRows.Reader reader;
    private final int[] stamp = new int[n];
    private int[] found = new int[16];

    Checker(ScoreRows.Reader reader) {
      this.reader = reader;
    }

    /** The violations of the loaded rows {@code rows[from, to)}. */
    List<Violation> violations(int[] rows, int from, int to) {
      List<Violation> out = new ArrayList<>();
      float[] data = reader.data();
      for (int r = from; r < to; r++) {
        int i = rows[r];
        int base = reader.start(r - from);
        double u = xCost[i] - v[x[i]];
        int count = 0;
        for (int j = 0; j < n; j++) {
          if (cost(data[base + j]) - v[j] < u - TOLERANCE) {
            if (count == found.length) {
              found = Arrays.copyOf(found, count * 2);
            }
            found[count++] = j;
          }
        }
        if (count == 0) {
          continue;
        }
        for (int e = 0; e < degree[i]; e++) {
          stamp[cols[i][e]] = i + 1;
        }
        int[] columns = new int[count];
        float[] columnCosts = new float[count];
        int kept = 0;
        for (int k = 0; k < count; k++) {
          int j = found[k];
          if (stamp[j] != i + 1) {
            columns[kept] = j;
            columnCosts[kept++] = cost(data[base + j]);
          }
        }
        if (kept > 0) {
          out.add(new Violation(i, Arrays.copyOf(columns, kept), Arrays.copyOf(columnCosts, kept)));
        }
      }
      return out;
    }
  }

  /**
   * Binary min-heap of (double key, int value) with duplicates (stale entries skipped by the
   * caller).
   */
  private static final class MinHeap {
    private double[] keys;
    private int[] values;
    private int size;

    MinHeap(int capacity) {
      keys = new double[capacity];
      values = new int[capacity];
    }

    void clear() {
      size = 0;
    }

    boolean isEmpty() {
      return size == 0;
    }

    double minKey() {
      return keys[0];
    }

    void push(double key, int value) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      int at = size++;
      while (at > 0) {
        int parent = (at - 1) >>> 1;
        if (keys[parent] <= key) {
          break;
        }
        keys[at] = keys[parent];
        values[at] = values[parent];
        at = parent;
      }
      keys[at] = key;
      values[at] = value;
    }

    int pop() {
      int top = values[0];
      size--;
      if (size > 0) {
        double key = keys[size];
        int value = values[size];
        int at = 0;
        while (true) {
          int l = 2 * at + 1;
          if (l >= size) {
            break;
          }
          int small = l + 1 < size && keys[l + 1] < keys[l] ? l + 1 : l;
          if (keys[small] >= key) {
            break;
          }
          keys[at] = keys[small];
          values[at] = values[small];
          at = small;
        }
        keys[at] = key;
        values[at] = value;
      }
      return top;
    }
  }
}
