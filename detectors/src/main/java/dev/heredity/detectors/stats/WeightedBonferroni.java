package dev.heredity.detectors.stats;

/**
 * Weighted Bonferroni combination of dependent tests: test i is given the share {@code w_i} of
 * alpha (shares sum to 1), its adjusted p-value is {@code min(1, p_i / w_i)}, and the combined
 * p-value is the smallest adjusted one. Rejecting when that is below alpha has false-positive rate
 * at most alpha under any dependence between the tests (union bound), which the content tests need:
 * they share the records.
 */
public final class WeightedBonferroni {
  private WeightedBonferroni() {}

  public static double[] adjust(double[] p, double[] weights) {
    double[] out = new double[p.length];
    for (int i = 0; i < p.length; i++) {
      out[i] = weights[i] > 0 ? Math.min(1, p[i] / weights[i]) : 1;
    }
    return out;
  }
}
