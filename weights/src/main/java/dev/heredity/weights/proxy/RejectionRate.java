package dev.heredity.weights.proxy;

import org.apache.commons.statistics.distribution.BetaDistribution;

/**
 * {@code rejected} of {@code pairs} tests said shared-init, with the exact (Clopper-Pearson) 95%
 * interval.
 */
public record RejectionRate(int rejected, int pairs, double rate, double lower95, double upper95) {
  public static RejectionRate of(int rejected, int pairs) {
    if (pairs == 0) {
      return new RejectionRate(0, 0, 0, 0, 1);
    }
    double lower =
        rejected == 0
            ? 0
            : BetaDistribution.of(rejected, pairs - rejected + 1.0)
                .inverseCumulativeProbability(0.025);
    double upper =
        rejected == pairs
            ? 1
            : BetaDistribution.of(rejected + 1.0, pairs - rejected)
                .inverseCumulativeProbability(0.975);
    return new RejectionRate(rejected, pairs, rejected / (double) pairs, lower, upper);
  }
}
