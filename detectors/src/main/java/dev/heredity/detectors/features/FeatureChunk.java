package dev.heredity.detectors.features;

import dev.heredity.detectors.Modality;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The features of a run of consecutive records with chunk-local ids, built in a worker thread. The
 * reading thread then interns each distinct local term once ({@link
 * CorpusBuilder#add(FeatureChunk)}), so global ids still follow first appearance in file order
 * while the per-token hashing runs in parallel.
 */
public final class FeatureChunk {
  final Local tokens = new Local();
  final Local formats = new Local();
  final Local prompts = new Local();
  final IntArray lines = new IntArray();
  final BitSet conforming = new BitSet();
  final ByteArray texts = new ByteArray();
  final IntArray textEnds = new IntArray();
  private final Modality modality;

  public FeatureChunk(Modality modality) {
    this.modality = modality;
  }

  public void add(int line, RecordFeatures features, String text) {
    conforming.set(lines.size(), features.conforming());
    lines.add(line);
    texts.addUtf8(CorpusBuilder.keptText(modality, text));
    textEnds.add(texts.size());
    tokens.addAll(features.tokens());
    formats.addAll(features.formatClasses());
    prompts.addAll(features.promptClasses() == null ? new String[0] : features.promptClasses());
  }

  public int size() {
    return lines.size();
  }

  /** Local interning of one kind of feature: distinct terms, and per record the local ids. */
  static final class Local {
    final Map<String, Integer> ids = new HashMap<>();
    final List<String> terms = new ArrayList<>();
    final IntArray values = new IntArray();
    final IntArray ends = new IntArray();

    void addAll(String[] items) {
      for (String item : items) {
        Integer id = ids.get(item);
        if (id == null) {
          id = terms.size();
          ids.put(item, id);
          terms.add(item);
        }
        values.add(id);
      }
      ends.add(values.size());
    }
  }
}
