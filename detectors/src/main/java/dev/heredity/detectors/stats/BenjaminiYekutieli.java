package dev.heredity.detectors.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Benjamini-Yekutieli step-up adjustment, valid under arbitrary dependence between the tests. */
public final class BenjaminiYekutieli {
  private BenjaminiYekutieli() {}

  /**
   * Adjusted p-values in the input order: {@code min over j>=i of p(j) * m * H_m / j}, capped at 1.
   */
  public static double[] adjust(double[] p) {
    int m = p.length;
    double harmonic = 0;
    for (int i = 1; i <= m; i++) {
      harmonic += 1.0 / i;
    }
    Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[m];
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, p[i] * m * harmonic / rank);
      adjusted[i] = Math.min(1, running);
    }
    return adjusted;
  }
}
