package dev.heredity.detectors.features;

import dev.heredity.detectors.Modality;
import java.util.BitSet;

/**
 * Appends records (suspect first, then {@link #endSuspect()}, then reference) and interns their
 * features.
 */
public final class CorpusBuilder {
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
  private int suspectCount = -1;

  public CorpusBuilder(Modality modality) {
    this.modality = modality;
    tokenStart.add(0);
    formatStart.add(0);
    promptStart.add(0);
  }

  public void add(int line, RecordFeatures features) {
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
  }

  /** Appends a chunk built in a worker thread, interning each of its distinct terms once. */
  public void add(FeatureChunk chunk) {
    int[] tokenMap = globalIds(chunk.tokens, tokens);
    int[] formatMap = globalIds(chunk.formats, formats);
    int[] promptMap = globalIds(chunk.prompts, prompts);
    int[] t = {0};
    int[] f = {0};
    int[] p = {0};
    for (int r = 0; r < chunk.size(); r++) {
      copy(chunk.tokens, r, tokenMap, tokenIds, t);
      copy(chunk.formats, r, formatMap, formatIds, f);
      copy(chunk.prompts, r, promptMap, promptIds, p);
      conforming.set(lines.size(), chunk.conforming.get(r));
      lines.add(chunk.lines.get(r));
      tokenStart.add(tokenIds.size());
      formatStart.add(formatIds.size());
      promptStart.add(promptIds.size());
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
        conforming);
  }
}
