package dev.heredity.detectors.classifier;

import java.util.SplittableRandom;

/**
 * K-fold cross-fitting: folds are stratified by label (each label's records shuffled by the seed
 * and dealt round-robin), a model is fitted on K-1 folds and scores the remaining one, so every
 * record gets exactly one out-of-fold score. The whole procedure is a function of the labels and
 * the seed, which is what makes a permutation test of its AUC exact.
 */
final class CrossFit {
  static final int FOLDS = 5;

  private CrossFit() {}

  static double[] scores(
      HashedFeatures rows, boolean[] positive, long seed, LogisticSolver solver) {
    int n = positive.length;
    int[] fold = folds(positive, seed);
    double[] scores = new double[n];
    int[] train = new int[n];
    for (int k = 0; k < FOLDS; k++) {
      int count = 0;
      for (int r = 0; r < n; r++) {
        if (fold[r] != k) {
          train[count++] = r;
        }
      }
      solver.fit(train, count, positive, seed * 31 + k);
      for (int r = 0; r < n; r++) {
        if (fold[r] == k) {
          scores[r] = solver.score(r);
        }
      }
    }
    return scores;
  }

  static int[] folds(boolean[] positive, long seed) {
    int n = positive.length;
    int[] fold = new int[n];
    for (boolean label : new boolean[] {true, false}) {
      int count = 0;
      for (boolean p : positive) {
        count += p == label ? 1 : 0;
      }
      int[] members = new int[count];
      int m = 0;
      for (int r = 0; r < n; r++) {
        if (positive[r] == label) {
          members[m++] = r;
        }
      }
      SplittableRandom random = new SplittableRandom(seed ^ (label ? 0x5EED5EEDL : 0x0DDBA11L));
      for (int i = count - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = members[i];
        members[i] = members[j];
        members[j] = t;
      }
      for (int i = 0; i < count; i++) {
        fold[members[i]] = i % FOLDS;
      }
    }
    return fold;
  }
}
