package dev.heredity.audit.policy;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" for a mistyped name: the closest known name within a small edit distance. */
final class Suggestions {
  private Suggestions() {}

  static Optional<String> closest(String typed, Collection<String> known) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    int limit = Math.max(2, typed.length() / 3);
    return known.stream()
        .filter(k -> distance(typed, k) <= limit)
        .min(Comparator.comparingInt((String k) -> distance(typed, k)).thenComparing(k -> k));
  }

  /** " (did you mean 'x'?)" or "", followed by the valid names when there are few. */
  static String hint(String typed, Collection<String> known) {
    return closest(typed, known)
        .map(k -> " (did you mean '" + k + "'?)")
        .orElse(" (valid: " + String.join(", ", known.stream().sorted().toList()) + ")");
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] =
            Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
