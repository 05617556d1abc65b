package dev.heredity.lineage.manifest;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" for near misses: the closest candidate within a small edit distance, if any. */
public final class Suggestions {
  private static final int LONGEST = 64;

  private Suggestions() {}

  /**
   * The closest candidate to {@code value} (case-insensitive Levenshtein distance at most 1, or 2
   * for longer words), or null.
   */
  public static String nearest(String value, Collection<String> candidates) {
    if (value == null || value.isEmpty() || value.length() > LONGEST) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    int limit = value.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = limit + 1;
    for (String candidate : candidates) {
      int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return best;
  }

  /** {@code , did you mean 'x'?} or the empty string. */
  static String hint(String value, Collection<String> candidates) {
    String nearest = nearest(value, candidates);
    return nearest == null ? "" : ", did you mean '" + nearest + "'?";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
