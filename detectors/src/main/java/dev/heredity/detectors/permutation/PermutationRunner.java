package dev.heredity.detectors.permutation;

import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.stats.TwoByKTable;
import dev.heredity.detectors.tables.FeatureTable;
import dev.heredity.detectors.tables.MergedTables;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Permutation distribution of every table statistic under exchangeable set labels. Each permutation
 * draws which whole records form the smaller set (partial Fisher-Yates from the identity, its own
 * seeded random stream), sums their precomputed feature ids once for all tables, and evaluates each
 * table's G. The result depends only on the seed, never on the thread count or scheduling.
 */
public final class PermutationRunner {
  /** Permutations evaluated per pass over the feature rows (one bit each in a per-record byte). */
  static final int BATCH = 8; // MergedTables.addRow relies on 8 (f << 3)

  private final MergedTables merged;
  private final List<FeatureTable> tables;
  private final int records;
  private final int suspect;
  private final long[] totals;

  public PermutationRunner(MergedTables merged, int suspect) {
    this.merged = merged;
    this.tables = merged.tables();
    this.records = merged.records();
    this.suspect = suspect;
    this.totals = merged.totals();
  }

  /** Observed statistics and the permutation distributions. */
  public record Outcome(double[] observed, double[][] permuted, long[] suspectCounts) {}

  public Outcome run(
      int permutations, long seed, ExecutorService pool, int threads, ProgressListener progress) {
    long[] counts = new long[totals.length];
    for (int r = 0; r < suspect; r++) {
      for (int j = merged.rowStart(r); j < merged.rowEnd(r); j++) {
        counts[merged.id(j)]++;
      }
    }
    double[] observed = statistics(counts);
    double[][] permuted = new double[tables.size()][permutations];
    AtomicLong done = new AtomicLong();
    int batches = (permutations + BATCH - 1) / BATCH;
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int first = t;
      futures.add(
          pool.submit(
              () -> {
                Worker worker = new Worker();
                for (int batch = first; batch < batches; batch += threads) {
                  int from = batch * BATCH;
                  int to = Math.min(permutations, from + BATCH);
                  double[][] stats = worker.permute(seed, from, to);
                  for (int b = from; b < to; b++) {
                    for (int d = 0; d < tables.size(); d++) {
                      permuted[d][b] = stats[b - from][d];
                    }
                  }
                  progress.update("permutations", done.addAndGet(to - from), permutations);
                }
              }));
    }
    for (Future<?> future : futures) {
      try {
        future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    return new Outcome(observed, permuted, counts);
  }

  /** Sum over blocks of G, per table. */
  private double[] statistics(long[] suspectCounts) {
    double[] out = new double[tables.size()];
    for (int t = 0; t < tables.size(); t++) {
      FeatureTable table = tables.get(t);
      double g = 0;
      for (int b = 0; b < table.blocks(); b++) {
        g +=
            TwoByKTable.statistic(
                suspectCounts,
                totals,
                merged.offset(t) + table.blockStart(b),
                merged.offset(t) + table.blockEnd(b));
      }
      out[t] = g;
    }
    return out;
  }

  /**
   * Evaluates permutations in batches of {@link #BATCH}: each permutation marks its drawn records
   * with one bit of a per-record byte, then one sequential pass over the feature rows updates the
   * counts of every permutation in the batch. Reading the rows once per batch, in order, is what
   * makes 999 permutations of 2 x 100k records affordable; the drawn sets are exactly those of
   * one-at-a-time sampling.
   */
  private final class Worker {
    private final int[] order = new int[records];
    private final byte[] marks = new byte[records];
    private final int features = totals.length;
    private final int[] drawnCounts = new int[BATCH * totals.length];
    private final int[] bits = new int[BATCH];
    private final long[] counts = new long[totals.length];
    private final boolean smallerIsSuspect = suspect <= records - suspect;
    private final int drawn = Math.min(suspect, records - suspect);

    double[][] permute(long seed, int from, int to) {
      java.util.Arrays.fill(marks, (byte) 0);
      java.util.Arrays.fill(drawnCounts, 0);
      for (int b = from; b < to; b++) {
        SplittableRandom random =
            new SplittableRandom(seed * 0x9E3779B97F4A7C15L + b * 0xBF58476D1CE4E5B9L + 1);
        for (int i = 0; i < records; i++) {
          order[i] = i;
        }
        byte bit = (byte) (1 << (b - from));
        for (int i = 0; i < drawn; i++) {
          int j = i + random.nextInt(records - i);
          int chosen = order[j];
          order[j] = order[i];
          order[i] = chosen;
          marks[chosen] |= bit;
        }
      }
      for (int r = 0; r < records; r++) {
        int mask = marks[r] & 0xff;
        if (mask != 0) {
          merged.addRow(r, mask, drawnCounts, bits);
        }
      }
      double[][] out = new double[to - from][];
      for (int b = from; b < to; b++) {
        int j = b - from;
        for (int f = 0; f < features; f++) {
          int drawnCount = drawnCounts[f * BATCH + j];
          counts[f] = smallerIsSuspect ? drawnCount : totals[f] - drawnCount;
        }
        out[b - from] = statistics(counts);
      }
      return out;
    }
  }
}
