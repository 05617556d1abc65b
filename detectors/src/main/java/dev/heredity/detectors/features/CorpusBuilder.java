package dev.heredity.detectors.features;

import dev.heredity.detectors.Modality;
import java.util.BitSet;

/**
 * Appends records (suspect first, then {@link #endSuspect()}, then reference) and interns their
 * features.
 */
public final class CorpusBuilder {
  static final int KEPT_CHARS = 256;

  private final Modality modality;
  private final TermIds tokens = new TermIds();
  private final TermIds formats = new TermIds();
  private final TermIds prompts = new TermIds();
  private final IntArray tokenStart = new IntArray();
  private final IntArray tokenIds = new IntArray();
  private final IntArray formatStart = new IntArray();
  private final IntArray formatIds = new IntArray();
  private final IntArray promptStart = new IntArray();
  private final IntArray promptIds = new IntArray();
  private final IntArray lines = new IntArray();
  private final BitSet conforming = new BitSet();
  private final ByteArray texts = new ByteArray();
  private final IntArray textStart = new IntArray();
  private int suspectCount = -1;

  public CorpusBuilder(Modality modality) {
    this.modality = modality;
    tokenStart.add(0);
    formatStart.add(0);
    promptStart.add(0);
    textStart.add(0);
  }

  /** Appends a record's features and its raw text (kept as UTF-8 for the classifier). */
  public void add(int line, RecordFeatures features, String text) {
    for (String token : features.tokens()) {
      tokenIds.add(tokens.intern(token));
    }
    for (String format : features.formatClasses()) {
      formatIds.add(formats.intern(format));
    }
    if (features.promptClasses() != null) {
      for (String prompt : features.promptClasses()) {
        promptIds.add(prompts.intern(prompt));
      }
    }
    conforming.set(lines.size(), features.conforming());
    lines.add(line);
    tokenStart.add(tokenIds.size());
    formatStart.add(formatIds.size());
    promptStart.add(promptIds.size());
    texts.addUtf8(keptText(modality, text));
    textStart.add(texts.size());
  }

  /**
   * The part of a record's raw text the corpus keeps: the first {@value #KEPT_CHARS} characters of
   * a numbers answer (the classifier's character n-grams; numbers answers are short, so this bounds
   * memory at about that many bytes per tested record), nothing for other modalities.
   */
  static String keptText(Modality modality, String text) {
    if (modality != Modality.NUMBERS || text == null) {
      return "";
    }
    return text.length() <= KEPT_CHARS ? text : text.substring(0, KEPT_CHARS);
  }

  /** Appends a chunk built in a worker thread, interning each of its distinct terms once. */
  public void add(FeatureChunk chunk) {
    int[] tokenMap = globalIds(chunk.tokens, tokens);
    int[] formatMap = globalIds(chunk.formats, formats);
    int[] promptMap = globalIds(chunk.prompts, prompts);
    int[] t = {0};
    int[] f = {0};
    int[] p = {0};
    int base = texts.size();
    texts.addAll(chunk.texts);
    for (int r = 0; r < chunk.size(); r++) {
      copy(chunk.tokens, r, tokenMap, tokenIds, t);
      copy(chunk.formats, r, formatMap, formatIds, f);
      copy(chunk.prompts, r, promptMap, promptIds, p);
      conforming.set(lines.size(), chunk.conforming.get(r));
      lines.add(chunk.lines.get(r));
      tokenStart.add(tokenIds.size());
      formatStart.add(formatIds.size());
      promptStart.add(promptIds.size());
      textStart.add(base + chunk.textEnds.get(r));
    }
  }

  private static int[] globalIds(FeatureChunk.Local local, TermIds vocabulary) {
    int[] map = new int[local.terms.size()];
    for (int i = 0; i < map.length; i++) {
      map[i] = vocabulary.intern(local.terms.get(i));
    }
    return map;
  }

  private static void copy(
      FeatureChunk.Local local, int record, int[] map, IntArray target, int[] cursor) {
    int end = local.ends.get(record);
    for (; cursor[0] < end; cursor[0]++) {
      target.add(map[local.values.get(cursor[0])]);
    }
  }

  /** Records added so far. */
  public int size() {
    return lines.size();
  }

  public void endSuspect() {
    suspectCount = lines.size();
  }

  public Corpus build() {
    int suspect = suspectCount < 0 ? lines.size() : suspectCount;
    return new Corpus(
        modality,
        suspect,
        lines.size() - suspect,
        tokens,
        tokenStart.toArray(),
        tokenIds.toArray(),
        formats,
        formatStart.toArray(),
        formatIds.toArray(),
        prompts,
        promptStart.toArray(),
        promptIds.toArray(),
        lines.toArray(),
        conforming,
        textStart.toArray(),
        texts.toArray());
  }
}
