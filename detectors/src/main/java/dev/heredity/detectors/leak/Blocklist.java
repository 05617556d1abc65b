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

  private Blocklist() {}

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
