package dev.heredity.detectors.classifier;

import java.util.Arrays;

/**
 * Area under the ROC curve of scores for positives vs negatives (Mann-Whitney, ties count one
 * half).
 */
final class Auc {
  private Auc() {}

  static double of(double[] scores, boolean[] positive) {
    int n = scores.length;
    int[] index = sortedIndex(scores);
    double rankSum = 0;
    long positives = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[index[j + 1]] == scores[index[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (positive[index[k]]) {
          rankSum += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return 0.5;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Indices of {@code scores} in ascending order (stable for ties). */
  static int[] sortedIndex(double[] scores) {
    int n = scores.length;
    double[] copy = scores.clone();
    Arrays.sort(copy);
    // Rank each score by binary search into the sorted copy, then bucket indices by rank (stable).
    int[] count = new int[n + 1];
    int[] rank = new int[n];
    for (int r = 0; r < n; r++) {
      rank[r] = lowerBound(copy, scores[r]);
      count[rank[r] + 1]++;
    }
    for (int k = 0; k < n; k++) {
      count[k + 1] += count[k];
    }
    int[] index = new int[n];
    for (int r = 0; r < n; r++) {
      index[count[rank[r]]++] = r;
    }
    return index;
  }

  private static int lowerBound(double[] sorted, double value) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < value) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Hanley-McNeil (1982) standard error of an AUC from independent scores; cross-fitted scores are
   * not independent, so callers scale it by the ratio measured on the permutation distribution.
   */
  static double hanleyMcNeil(double auc, long positives, long negatives) {
    double q1 = auc / (2 - auc);
    double q2 = 2 * auc * auc / (1 + auc);
    double variance =
        (auc * (1 - auc) + (positives - 1) * (q1 - auc * auc) + (negatives - 1) * (q2 - auc * auc))
            / ((double) positives * negatives);
    return Math.sqrt(Math.max(0, variance));
  }
}
