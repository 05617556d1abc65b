package dev.heredity.transfer;

import java.util.List;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Test accuracy (fraction in [0, 1]) of one arm across models: the mean and the half-width of its
 * 95% t-interval ({@code t(0.975, N-1) * sd / sqrt(N)}; 0 for a single model).
 */
public record Accuracy(double mean, double ci95, List<Double> perModel) {
  public Accuracy {
    perModel = List.copyOf(perModel);
  }

  public static Accuracy of(List<Double> perModel) {
    int n = perModel.size();
    if (n == 0) {
      throw new IllegalArgumentException("no accuracies");
    }
    double mean = perModel.stream().mapToDouble(Double::doubleValue).sum() / n;
    if (n == 1) {
      return new Accuracy(mean, 0, perModel);
    }
    double ss = perModel.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum();
    double sd = Math.sqrt(ss / (n - 1));
    double t = TDistribution.of(n - 1).inverseCumulativeProbability(0.975);
    return new Accuracy(mean, t * sd / Math.sqrt(n), perModel);
  }
}
