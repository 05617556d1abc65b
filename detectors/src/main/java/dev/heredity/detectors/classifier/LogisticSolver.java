package dev.heredity.detectors.classifier;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * L2-regularised logistic regression on {@link HashedFeatures}, trained by AdaGrad stochastic
 * gradient descent in a seeded order (deterministic, one thread per fit). Classes are weighted to
 * balance, and the L2 penalty is applied lazily only to the weights a record touches, so one epoch
 * costs one pass over the non-zero entries. One solver holds its weight vectors and is reused fit
 * after fit by one thread.
 */
final class LogisticSolver {
  static final int EPOCHS = 4;
  static final double RATE = 0.05;
  static final double L2 = 1e-3;

  private final HashedFeatures rows;
  private final double[] weights;
  private final double[] squared;
  private double bias;

  LogisticSolver(HashedFeatures rows) {
    this.rows = rows;
    this.weights = new double[rows.features()];
    this.squared = new double[rows.features()];
  }

  /** Fits on the records {@code train}; {@code positive[r]} is the label of record r. */
  void fit(int[] train, int trainCount, boolean[] positive, long seed) {
    Arrays.fill(weights, 0);
    Arrays.fill(squared, 0);
    bias = 0;
    double biasSquared = 0;
    int positives = 0;
    for (int i = 0; i < trainCount; i++) {
      positives += positive[train[i]] ? 1 : 0;
    }
    double positiveWeight = trainCount / (2.0 * Math.max(1, positives));
    double negativeWeight = trainCount / (2.0 * Math.max(1, trainCount - positives));
    int[] order = Arrays.copyOf(train, trainCount);
    SplittableRandom random = new SplittableRandom(seed);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      for (int i = trainCount - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      for (int r : order) {
        boolean label = positive[r];
        double p = 1 / (1 + Math.exp(-score(r)));
        double gradient = (label ? positiveWeight : negativeWeight) * (p - (label ? 1 : 0));
        double scale = rows.rowScale(r);
        double g0 = gradient * scale;
        for (int k = rows.rowStart(r), end = rows.rowEnd(r); k < end; k++) {
          int f = rows.id(k);
          double g = g0 + L2 * weights[f];
          double s = squared[f] + g * g;
          squared[f] = s;
          weights[f] -= RATE * g / Math.sqrt(s + 1e-8);
        }
        biasSquared += gradient * gradient;
        bias -= RATE * gradient / Math.sqrt(biasSquared + 1e-8);
      }
    }
  }

  double score(int record) {
    double z = 0;
    for (int k = rows.rowStart(record), end = rows.rowEnd(record); k < end; k++) {
      z += weights[rows.id(k)];
    }
    return bias + z * rows.rowScale(record);
  }

  double weight(int feature) {
    return weights[feature];
  }
}
