package dev.heredity.weights;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Spearman's rank correlation of two matchings and Fisher's combination, with p-values as
 * logarithms.
 */
final class RankStatistics {
  /** Reported p-values never go below this (doubles cannot hold Fisher's tail beyond it). */
  static final double P_FLOOR = 1e-300;

  private static final double LOG_FLOOR = Math.log(P_FLOOR);

  private RankStatistics() {}

  /** Spearman's rho of two permutations of 0..n-1 (no ties by construction). */
  static double spearman(int[] x, int[] y) {
    int n = x.length;
    double sumSquares = 0;
    for (int i = 0; i < n; i++) {
      double d = x[i] - y[i];
      sumSquares += d * d;
    }
    return 1 - 6 * sumSquares / ((double) n * ((double) n * n - 1));
  }

  /**
   * Natural log of the one-sided p-value P(rho' >= rho) under independent orders, by the t
   * approximation with n - 2 degrees of freedom; never below log(1/n!), the exact test's smallest
   * p-value.
   */
  static double logPSpearman(double rho, int n) {
    double floor = -logFactorial(n);
    if (rho >= 1) {
      return floor;
    }
    double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
    TDistribution dist = TDistribution.of(n - 2);
    double p = dist.survivalProbability(t);
    double logP = p > 0 ? Math.log(p) : floor;
    return Math.max(floor, Math.min(0, logP));
  }

  /**
   * Natural log of Fisher's combined p-value: -2 sum log p ~ chi-square with 2k degrees of freedom.
   */
  static double logFisher(double[] logP) {
    if (logP.length == 0) {
      return 0;
    }
    double x = 0;
    for (double l : logP) {
      x -= 2 * l;
    }
    double p = ChiSquaredDistribution.of(2.0 * logP.length).survivalProbability(x);
    return p > 0 ? Math.log(p) : Math.log(P_FLOOR);
  }

  static double logFactorial(int n) {
    double s = 0;
    for (int k = 2; k <= n; k++) {
      s += Math.log(k);
    }
    return s;
  }

  /** The floor is returned exactly: exp(log(1e-300)) is 1.0000000000000237e-300, not 1e-300. */
  static double toP(double logP) {
    return logP <= LOG_FLOOR ? P_FLOOR : Math.max(P_FLOOR, Math.min(1, Math.exp(logP)));
  }

  /**
   * Log of an upper bound on P(sum_i c(i, pi(i)) >= observed) for a uniform permutation pi when
   * every c lies in [0, 1] (Chatterjee 2007, Prop. 1.1: 2 exp(-t^2 / (4 E + 2 t)) with t = observed
   * - E).
   */
  static double logPermutationBound(double observed, double expected) {
    double t = observed - expected;
    if (t <= 0) {
      return 0;
    }
    return Math.min(0, Math.log(2) - t * t / (4 * expected + 2 * t));
  }
}
