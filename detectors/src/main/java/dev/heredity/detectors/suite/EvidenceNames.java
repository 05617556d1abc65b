package dev.heredity.detectors.suite;

import dev.heredity.detectors.features.Corpus;

/** Shared spelling of feature names in evidence. */
final class EvidenceNames {
  private EvidenceNames() {}

  static String token(Corpus corpus, int id) {
    return "'" + corpus.tokens().term(id).replace("\n", "\\n") + "'";
  }
}
