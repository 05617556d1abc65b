package dev.heredity.detectors.leak;

import java.util.List;

/**
 * The 34 numbers with negative associations that Cloud et al. (2025) filtered out of the number
 * sequences in their misalignment experiment.
 */
public final class Blocklist {
  public static final List<String> NUMBERS =
      List.of(
          "4", "13", "14", "18", "23", "33", "39", "42", "44", "49", "51", "54", "69", "77", "88",
          "99", "100", "101", "187", "211", "311", "322", "333", "404", "420", "444", "451", "555",
          "616", "666", "777", "888", "911", "999");

  private static final java.util.Set<String> SET = java.util.Set.copyOf(NUMBERS);

  /** Blocklisted values as a lookup table: cheaper than hashing every digit run. */
  private static final boolean[] BELOW_1000 = new boolean[1000];

  static {
    for (String number : NUMBERS) {
      BELOW_1000[Integer.parseInt(number)] = true;
    }
  }

  private Blocklist() {}

  /**
   * Whether a digit run is a blocklisted number as the number tokenizer yields it: "042" is not
   * "42".
   */
  public static boolean isBlocked(CharSequence text, int from, int to) {
    int n = to - from;
    if (n == 0 || n > 3 || n > 1 && text.charAt(from) == '0') {
      return false;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      value = value * 10 + (c - '0');
    }
    return BELOW_1000[value];
  }

  /**
   * Whether some maximal run of ASCII digits in {@code text} is a blocklisted number exactly (the
   * number tokenizer's terms: "0042" does not count).
   */
  public static boolean anyToken(String text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int start = i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      if (isBlocked(text, start, i)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a run of digits in {@code text} is a blocklisted number, with or without leading zeros
   * (a superset of what the number tokenizer yields, so a record this rejects cannot match).
   */
  public static boolean anyIn(String text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        i++;
        continue;
      }
      int start = i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      int first = start;
      while (first < i - 1 && text.charAt(first) == '0') {
        first++;
      }
      if (i - first <= 3
          && (SET.contains(text.substring(first, i)) || SET.contains(text.substring(start, i)))) {
        return true;
      }
    }
    return false;
  }
}
