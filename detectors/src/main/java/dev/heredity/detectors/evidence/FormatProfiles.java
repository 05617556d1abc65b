package dev.heredity.detectors.evidence;

import dev.heredity.detectors.FormatProfile;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.Corpus;
import java.util.Map;
import java.util.TreeMap;

/** Share of records in each format class, and the number-filter conformance, of one set. */
public final class FormatProfiles {
  private FormatProfiles() {}

  public static FormatProfile of(Corpus corpus, boolean suspect) {
    int from = suspect ? 0 : corpus.suspectCount();
    int to = suspect ? corpus.suspectCount() : corpus.size();
    int records = to - from;
    Map<String, Map<String, Double>> classes = new TreeMap<>();
    int conforming = 0;
    for (int r = from; r < to; r++) {
      for (int i = 0; i < corpus.formatCount(r); i++) {
        String term = corpus.formats().term(corpus.format(r, i));
        int eq = term.indexOf('=');
        classes
            .computeIfAbsent(term.substring(0, eq), k -> new TreeMap<>())
            .merge(term.substring(eq + 1), 1.0, Double::sum);
      }
      conforming += corpus.conforming(r) ? 1 : 0;
    }
    classes.values().forEach(m -> m.replaceAll((k, v) -> FormatProfile.share(v, records)));
    Double conformance =
        corpus.modality() == Modality.NUMBERS ? FormatProfile.share(conforming, records) : null;
    return new FormatProfile(records, conformance, classes);
  }
}
