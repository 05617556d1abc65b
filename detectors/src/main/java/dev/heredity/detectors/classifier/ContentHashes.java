package dev.heredity.detectors.classifier;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.TermIds;
import java.nio.charset.StandardCharsets;

/**
 * 64-bit hashes of the corpus's terms, format classes and prompt classes by their text, never by
 * their interned ids. Interned ids follow first appearance, so they depend on which set was read
 * first; hashing the text makes the classifier a function of the records' content and labels only,
 * whatever their order in the corpus, which is what the permutation test's exactness needs.
 */
final class ContentHashes {
  final long[] terms;
  final long[] formats;
  final long[] prompts;

  private ContentHashes(long[] terms, long[] formats, long[] prompts) {
    this.terms = terms;
    this.formats = formats;
    this.prompts = prompts;
  }

  static ContentHashes of(Corpus corpus) {
    return new ContentHashes(
        hashes(corpus.tokens()), hashes(corpus.formats()), hashes(corpus.prompts()));
  }

  private static long[] hashes(TermIds ids) {
    long[] out = new long[ids.size()];
    for (int id = 0; id < out.length; id++) {
      out[id] = of(ids.term(id));
    }
    return out;
  }

  /** FNV-1a over the UTF-8 bytes, finished with the SplitMix64 mixer. */
  static long of(String text) {
    long h = 0xCBF29CE484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xFF)) * 0x100000001B3L;
    }
    return HashedFeatures.mix(h);
  }

  static long combine(long h, long value) {
    return HashedFeatures.mix(h * 0x9E3779B97F4A7C15L + value);
  }

  /** A key of a record's whole content (tokens in order, format and prompt classes). */
  long record(Corpus corpus, int r) {
    long h = 0x5851F42D4C957F2DL;
    for (int i = 0; i < corpus.tokenCount(r); i++) {
      h = combine(h, terms[corpus.token(r, i)]);
    }
    h = combine(h, -1);
    for (int i = 0; i < corpus.formatCount(r); i++) {
      h = combine(h, formats[corpus.format(r, i)]);
    }
    h = combine(h, -2);
    for (int i = 0; i < corpus.promptCount(r); i++) {
      h = combine(h, prompts[corpus.prompt(r, i)]);
    }
    return h;
  }
}
