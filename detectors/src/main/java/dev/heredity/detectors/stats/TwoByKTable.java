package dev.heredity.detectors.stats;

/**
 * Likelihood-ratio (G) statistic and Jensen-Shannon divergence of a 2 x K table given the suspect
 * counts and the column totals of both sets. Natural logs for G, bits for JSD.
 */
public final class TwoByKTable {
  private TwoByKTable() {}

  /** G over columns {@code from..to-1}; reference counts are {@code total - suspect}. */
  public static double statistic(long[] suspect, long[] total, int from, int to) {
    long s = 0;
    long t = 0;
    double sum = 0;
    for (int k = from; k < to; k++) {
      long sk = suspect[k];
      long tk = total[k];
      s += sk;
      t += tk;
      sum += xlnx(sk) + xlnx(tk - sk) - xlnx(tk);
    }
    if (s == 0 || s == t) {
      return 0;
    }
    return Math.max(0, 2 * (sum - xlnx(s) - xlnx(t - s) + xlnx(t)));
  }

  /** Contribution of one column to G (for evidence). */
  public static double cell(long sk, long tk, long s, long t) {
    if (s == 0 || s == t || tk == 0) {
      return 0;
    }
    double expectedS = (double) tk * s / t;
    double expectedR = (double) tk * (t - s) / t;
    long rk = tk - sk;
    return 2
        * ((sk == 0 ? 0 : sk * Math.log(sk / expectedS))
            + (rk == 0 ? 0 : rk * Math.log(rk / expectedR)));
  }

  /**
   * Jensen-Shannon divergence in bits between the suspect and reference distributions over the
   * columns.
   */
  public static double jensenShannon(long[] suspect, long[] total, int from, int to) {
    long s = 0;
    long t = 0;
    for (int k = from; k < to; k++) {
      s += suspect[k];
      t += total[k];
    }
    long r = t - s;
    if (s == 0 || r == 0) {
      return 0;
    }
    double jsd = 0;
    for (int k = from; k < to; k++) {
      double p = (double) suspect[k] / s;
      double q = (double) (total[k] - suspect[k]) / r;
      double m = (p + q) / 2;
      if (p > 0) {
        jsd += 0.5 * p * Math.log(p / m);
      }
      if (q > 0) {
        jsd += 0.5 * q * Math.log(q / m);
      }
    }
    return Math.max(0, jsd / Math.log(2));
  }

  private static final int TABLE = 1 << 16;
  private static final double[] XLNX = new double[TABLE];

  static {
    for (int x = 1; x < TABLE; x++) {
      XLNX[x] = x * Math.log(x);
    }
  }

  /** x ln x, from a table for the small counts that dominate permutation loops. */
  private static double xlnx(long x) {
    return x < TABLE ? (x <= 0 ? 0 : XLNX[(int) x]) : x * Math.log(x);
  }

  /**
   * Two-proportion z of a cell's share in the suspect vs the reference part of its block (pooled
   * variance).
   */
  public static double proportionZ(
      long suspectCell, long totalCell, long suspectBlock, long totalBlock) {
    long referenceCell = totalCell - suspectCell;
    long referenceBlock = totalBlock - suspectBlock;
    if (suspectBlock == 0 || referenceBlock == 0) {
      return 0;
    }
    double pooled = (double) totalCell / totalBlock;
    double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / suspectBlock + 1.0 / referenceBlock));
    return se == 0
        ? 0
        : ((double) suspectCell / suspectBlock - (double) referenceCell / referenceBlock) / se;
  }
}
