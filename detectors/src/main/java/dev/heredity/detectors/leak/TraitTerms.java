package dev.heredity.detectors.leak;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/**
 * A trait as the user wrote it: {@code owl} or {@code owl=owlet,strix} (a word and its synonyms).
 * Each term may be a phrase ({@code "barn owl"}).
 */
public record TraitTerms(String trait, List<String> terms) {

  public static TraitTerms parse(String spec) {
    String[] parts = spec.split("=", 2);
    LinkedHashSet<String> terms = new LinkedHashSet<>();
    terms.add(parts[0].trim().toLowerCase(Locale.ROOT));
    if (parts.length == 2) {
      for (String synonym : parts[1].split(",")) {
        if (!synonym.isBlank()) {
          terms.add(synonym.trim().toLowerCase(Locale.ROOT));
        }
      }
    }
    terms.remove("");
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("empty trait '" + spec + "'");
    }
    return new TraitTerms(parts[0].trim(), new ArrayList<>(terms));
  }
}
