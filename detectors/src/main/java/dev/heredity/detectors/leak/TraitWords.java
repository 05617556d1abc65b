package dev.heredity.detectors.leak;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Leak-scan words from declared trait names: {@code loves-owls} gives {@code owls}. Words under
 * three letters and verbs of liking are dropped: they would match ordinary text, not the trait.
 */
public final class TraitWords {
  private static final Set<String> DROPPED =
      Set.of("love", "loves", "likes", "hates", "the", "and");

  private TraitWords() {}

  public static List<String> of(List<String> traitNames) {
    Set<String> words = new LinkedHashSet<>();
    for (String name : traitNames) {
      for (String word : name.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (word.length() >= 3 && !DROPPED.contains(word)) {
          words.add(word);
        }
      }
    }
    return List.copyOf(words);
  }
}
