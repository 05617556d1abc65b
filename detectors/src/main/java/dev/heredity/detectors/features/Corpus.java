package dev.heredity.detectors.features;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.input.TextRecord;
import java.util.BitSet;
import java.util.List;

/**
 * Compact per-record features of both sets, computed once: records {@code 0..suspectCount-1} are
 * the suspect set, the rest the reference set. Content tokens, format classes and prompt classes
 * are interned ids in flat arrays indexed by per-record offsets (CSR layout), so permutations reuse
 * them cheaply.
 */
public final class Corpus {
  private final Modality modality;
  private final int suspectCount;
  private final int referenceCount;
  private final TermIds tokens;
  private final int[] tokenStart;
  private final int[] tokenIds;
  private final TermIds formats;
  private final int[] formatStart;
  private final int[] formatIds;
  private final TermIds prompts;
  private final int[] promptStart;
  private final int[] promptIds;
  private final int[] lines;
  private final BitSet conforming;
  private final long[] values;
  private final int[] textStart;
  private final byte[] texts;

  Corpus(
      Modality modality,
      int suspectCount,
      int referenceCount,
      TermIds tokens,
      int[] tokenStart,
      int[] tokenIds,
      TermIds formats,
      int[] formatStart,
      int[] formatIds,
      TermIds prompts,
      int[] promptStart,
      int[] promptIds,
      int[] lines,
      BitSet conforming,
      int[] textStart,
      byte[] texts) {
    this.modality = modality;
    this.suspectCount = suspectCount;
    this.referenceCount = referenceCount;
    this.tokens = tokens;
    this.tokenStart = tokenStart;
    this.tokenIds = tokenIds;
    this.formats = formats;
    this.formatStart = formatStart;
    this.formatIds = formatIds;
    this.prompts = prompts;
    this.promptStart = promptStart;
    this.promptIds = promptIds;
    this.lines = lines;
    this.conforming = conforming;
    this.textStart = textStart;
    this.texts = texts;
    this.values = new long[tokens.size()];
    for (int id = 0; id < tokens.size(); id++) {
      values[id] = numericValue(tokens.term(id));
    }
  }

  /**
   * Builds a corpus from in-memory records (tests, benchmarks); files go through {@link
   * CorpusReader}.
   */
  public static Corpus of(Modality modality, List<TextRecord> suspect, List<TextRecord> reference) {
    RecordFeaturizer featurizer = new RecordFeaturizer(modality);
    CorpusBuilder builder = new CorpusBuilder(modality);
    suspect.forEach(r -> builder.add(r.line(), featurizer.features(r), r.text()));
    builder.endSuspect();
    reference.forEach(r -> builder.add(r.line(), featurizer.features(r), r.text()));
    return builder.build();
  }

  /** Texts without prompts, numbered from line 1. */
  public static Corpus ofTexts(Modality modality, List<String> suspect, List<String> reference) {
    return of(modality, records(suspect), records(reference));
  }

  private static List<TextRecord> records(List<String> texts) {
    return java.util.stream.IntStream.range(0, texts.size())
        .mapToObj(i -> new TextRecord(i + 1, null, texts.get(i)))
        .toList();
  }

  private static long numericValue(String term) {
    if (term.isEmpty() || term.length() > 15) {
      return -1;
    }
    for (int i = 0; i < term.length(); i++) {
      if (term.charAt(i) < '0' || term.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(term);
  }

  public Modality modality() {
    return modality;
  }

  public int size() {
    return suspectCount + referenceCount;
  }

  public int suspectCount() {
    return suspectCount;
  }

  public int referenceCount() {
    return referenceCount;
  }

  public boolean isSuspect(int record) {
    return record < suspectCount;
  }

  public int tokenCount(int record) {
    return tokenStart[record + 1] - tokenStart[record];
  }

  /** Interned id of the i-th content token of a record. */
  public int token(int record, int i) {
    return tokenIds[tokenStart[record] + i];
  }

  public TermIds tokens() {
    return tokens;
  }

  /** Integer value of a token id, -1 when the token is not a plain integer. */
  public long value(int tokenId) {
    return values[tokenId];
  }

  public int formatCount(int record) {
    return formatStart[record + 1] - formatStart[record];
  }

  public int format(int record, int i) {
    return formatIds[formatStart[record] + i];
  }

  public TermIds formats() {
    return formats;
  }

  public int promptCount(int record) {
    return promptStart[record + 1] - promptStart[record];
  }

  public int prompt(int record, int i) {
    return promptIds[promptStart[record] + i];
  }

  public TermIds prompts() {
    return prompts;
  }

  /** True when both sets have at least one record with a prompt. */
  public boolean hasPrompts() {
    boolean suspect = false;
    boolean reference = false;
    for (int r = 0; r < size() && !(suspect && reference); r++) {
      if (promptCount(r) > 0) {
        suspect |= isSuspect(r);
        reference |= !isSuspect(r);
      }
    }
    return suspect && reference;
  }

  public boolean conforming(int record) {
    return conforming.get(record);
  }

  /**
   * The record's raw text (the answer, without its prompt), as read: the classifier's character
   * n-grams see separators, spacing and digit patterns that tokens and format classes summarise.
   */
  public String text(int record) {
    return new String(
        texts,
        textStart[record],
        textStart[record + 1] - textStart[record],
        java.nio.charset.StandardCharsets.UTF_8);
  }

  /** 1-based line of a record in its file. */
  public int line(int record) {
    return lines[record];
  }
}
