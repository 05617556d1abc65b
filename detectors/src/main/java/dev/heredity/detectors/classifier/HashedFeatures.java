package dev.heredity.detectors.classifier;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.features.IntArray;
import java.util.Arrays;
import java.util.Locale;

/**
 * The classifier's design matrix: every record's features from all groups ({@link FeatureGroup})
 * hashed by their content ({@link ContentHashes}) into {@code 2^20} buckets, present/absent per
 * record, each row scaled to unit length so long and short records weigh alike. Buckets that occur
 * are renumbered densely, so the solver's weight vector is only as long as the data need; the first
 * key seen in a bucket names it.
 */
public final class HashedFeatures {
  static final int HASH_BITS = 20;
  private static final int MAX_LENGTH = 64;
  private static final int MIN_GRAM = 2;
  private static final int MAX_GRAM = 5;
  private static final char START = '\u0002';
  private static final char END = '\u0003';

  private final int[] start;
  private final int[] ids;
  private final double[] rowScale;
  private final int features;
  private final long[] firstKey;
  private final Corpus corpus;

  private HashedFeatures(
      int[] start, int[] ids, double[] rowScale, int features, long[] firstKey, Corpus corpus) {
    this.start = start;
    this.ids = ids;
    this.rowScale = rowScale;
    this.features = features;
    this.firstKey = firstKey;
    this.corpus = corpus;
  }

  public static HashedFeatures of(Corpus corpus) {
    return of(corpus, java.util.stream.IntStream.range(0, corpus.size()).toArray());
  }

  /** Rows for the given corpus records only, in that order (row i is record {@code records[i]}). */
  public static HashedFeatures of(Corpus corpus, int[] records) {
    int mask = (1 << HASH_BITS) - 1;
    int[] dense = new int[1 << HASH_BITS];
    Arrays.fill(dense, -1);
    boolean numbers = corpus.modality() == Modality.NUMBERS;
    ContentHashes content = ContentHashes.of(corpus);
    int[][] digitKeys = numbers ? digitKeys(corpus) : null;
    IntArray ids = new IntArray();
    int[] start = new int[records.length + 1];
    double[] scale = new double[records.length];
    long[] firstKey = new long[1024];
    int features = 0;
    long[] keys = new long[256];
    long[] hashes = new long[256];
    int[] buckets = new int[256];
    for (int r = 0; r < records.length; r++) {
      RowKeys row = new RowKeys(keys, hashes, content);
      emit(corpus, records[r], numbers, digitKeys, row);
      keys = row.keys;
      hashes = row.hashes;
      if (buckets.length < row.size) {
        buckets = new int[keys.length];
      }
      for (int i = 0; i < row.size; i++) {
        buckets[i] = (int) (row.hashes[i] & mask);
      }
      Arrays.sort(buckets, 0, row.size);
      int distinct = 0;
      for (int i = 0; i < row.size; i++) {
        if (i > 0 && buckets[i] == buckets[i - 1]) {
          continue;
        }
        int bucket = buckets[i];
        if (dense[bucket] < 0) {
          if (features == firstKey.length) {
            firstKey = Arrays.copyOf(firstKey, features * 2);
          }
          dense[bucket] = features;
          firstKey[features++] = keyOf(row, bucket, mask);
        }
        ids.add(dense[bucket]);
        distinct++;
      }
      scale[r] = distinct == 0 ? 0 : 1 / Math.sqrt(distinct);
      start[r + 1] = ids.size();
    }
    return new HashedFeatures(
        start, ids.toArray(), scale, features, Arrays.copyOf(firstKey, features), corpus);
  }

  private static long keyOf(RowKeys row, int bucket, int mask) {
    for (int i = 0; i < row.size; i++) {
      if ((row.hashes[i] & mask) == bucket) {
        return row.keys[i];
      }
    }
    throw new IllegalStateException("bucket without key");
  }

  /**
   * One record's features: packed id keys (to name a bucket) and their content hashes (to pick it).
   * Ids of terms and classes enter the hash through the hash of their text.
   */
  private static final class RowKeys {
    long[] keys;
    long[] hashes;
    int size;
    private final ContentHashes content;

    RowKeys(long[] keys, long[] hashes, ContentHashes content) {
      this.keys = keys;
      this.hashes = hashes;
      this.content = content;
    }

    /** A feature whose content hash the caller has computed (crosses); a and b only name it. */
    void addHashed(FeatureGroup group, long a, long b, long hash) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      keys[size] = pack(group, a, b);
      hashes[size++] = ContentHashes.combine(group.ordinal() + 1L, hash);
    }

    void add(FeatureGroup group, long a, long b) {
      if (size == keys.length) {
        keys = Arrays.copyOf(keys, size * 2);
        hashes = Arrays.copyOf(hashes, size * 2);
      }
      long contentA =
          switch (group) {
            case TOKEN, LAST, BIGRAM -> content.terms[(int) a];
            case FORMAT -> content.formats[(int) a];
            case PROMPT -> content.prompts[(int) a];
            default -> a;
          };
      long contentB =
          group == FeatureGroup.BIGRAM || group == FeatureGroup.POSITION
              ? content.terms[(int) b]
              : b;
      keys[size] = pack(group, a, b);
      hashes[size++] =
          ContentHashes.combine(ContentHashes.combine(group.ordinal() + 1L, contentA), contentB);
    }
  }

  private static void emit(Corpus corpus, int r, boolean numbers, int[][] digitKeys, RowKeys row) {
    int length = corpus.tokenCount(r);
    row.add(FeatureGroup.LENGTH, Math.min(length, MAX_LENGTH), 0);
    for (int i = 0; i < length; i++) {
      int token = corpus.token(r, i);
      row.add(FeatureGroup.TOKEN, token, 0);
      if (i < 3) {
        row.add(FeatureGroup.POSITION, i + 1, token);
        if (numbers) {
          row.add(FeatureGroup.POSITION_HUNDREDS, i + 1, hundreds(corpus.value(token)));
        }
      }
      if (i > 0) {
        int previous = corpus.token(r, i - 1);
        row.add(FeatureGroup.BIGRAM, previous, token);
        if (numbers) {
          long a = corpus.value(previous);
          long b = corpus.value(token);
          if (a >= 0 && b >= 0) {
            row.add(FeatureGroup.STEP, stepBucket(b - a), 0);
          }
          row.add(FeatureGroup.HUNDREDS_PAIR, hundreds(a), hundreds(b));
        }
      }
      if (numbers) {
        for (int key : digitKeys[token]) {
          row.add(FeatureGroup.DIGIT, key, 0);
        }
      }
    }
    if (length > 0) {
      row.add(FeatureGroup.LAST, corpus.token(r, length - 1), 0);
      if (numbers) {
        row.add(
            FeatureGroup.POSITION_HUNDREDS, 0, hundreds(corpus.value(corpus.token(r, length - 1))));
      }
    }
    for (int i = 0; i < corpus.formatCount(r); i++) {
      row.add(FeatureGroup.FORMAT, corpus.format(r, i), 0);
    }
    formatCrosses(corpus, r, Math.min(length, MAX_LENGTH), row);
    for (int i = 0; i < corpus.promptCount(r); i++) {
      row.add(FeatureGroup.PROMPT, corpus.prompt(r, i), 0);
    }
    if (numbers) {
      charGrams(corpus.text(r), row);
    }
  }

  /**
   * Runs of 2-5 characters of the raw answer framed by start and end marks, digits masked to 'd':
   * separators, spacing, brackets and line breaks exactly as the model wrote them, which the format
   * classes only summarise. Digits are masked because the number features already see them; the
   * digits-kept variant (and digits kept beside masked) lowered the held-out AUC by about 0.01
   * (docs/detect.md, issue 12).
   */
  private static void charGrams(String text, RowKeys row) {
    int length = text.length() + 2;
    for (int i = 0; i < length; i++) {
      long h = 0xCBF29CE484222325L;
      long packed = 0;
      for (int n = 1; n <= MAX_GRAM && i + n <= length; n++) {
        int at = i + n - 1;
        char c = at == 0 ? START : at == length - 1 ? END : text.charAt(at - 1);
        if (c >= '0' && c <= '9') {
          c = 'd';
        }
        h = (h ^ c) * 0x100000001B3L;
        packed = (packed << 7) | Math.min(c, 0x7F);
        if (n >= MIN_GRAM) {
          row.addHashed(
              FeatureGroup.CHAR_GRAM, packed >>> 7, ((long) n << 7) | (packed & 0x7F), mix(h + n));
        }
      }
    }
  }

  private static String charGramName(long a, long b) {
    int n = (int) (b >>> 7);
    long packed = (a << 7) | (b & 0x7F);
    StringBuilder out = new StringBuilder();
    for (int i = n - 1; i >= 0; i--) {
      char c = (char) ((packed >>> (7 * i)) & 0x7F);
      out.append(c == START ? "^" : c == END ? "$" : c == '\n' ? "\\n" : String.valueOf(c));
    }
    return "'" + out + "'";
  }

  /**
   * Pairs and triples of the record's format classes, and each class with the record's length: the
   * format classes are few per record, so the crosses are cheap, and they let a linear model weigh
   * combinations (separator with brackets and count) that no single class carries.
   */
  private static void formatCrosses(Corpus corpus, int r, int length, RowKeys row) {
    int count = corpus.formatCount(r);
    long[] content = row.content.formats;
    for (int i = 0; i < count; i++) {
      int fi = corpus.format(r, i);
      row.addHashed(
          FeatureGroup.FORMAT_LENGTH, fi, length, ContentHashes.combine(content[fi], length));
      for (int j = i + 1; j < count; j++) {
        int fj = corpus.format(r, j);
        long pair = ContentHashes.combine(content[fi], content[fj]);
        row.addHashed(FeatureGroup.FORMAT_PAIR, fi, fj, pair);
        for (int k = j + 1; k < count; k++) {
          int fk = corpus.format(r, k);
          row.addHashed(
              FeatureGroup.FORMAT_TRIPLE,
              ((long) fi << 15) | fj,
              fk,
              ContentHashes.combine(pair, content[fk]));
        }
      }
    }
  }

  /** Per number token: (length, digit index, digit) keys, computed once per distinct token. */
  private static int[][] digitKeys(Corpus corpus) {
    int[][] keys = new int[corpus.tokens().size()][];
    for (int id = 0; id < keys.length; id++) {
      String term = corpus.tokens().term(id);
      int length = Math.min(term.length(), 6);
      int digits = Math.min(term.length(), 6);
      int[] row = new int[digits];
      int n = 0;
      for (int i = 0; i < digits; i++) {
        char c = term.charAt(i);
        if (c >= '0' && c <= '9') {
          row[n++] = length * 100 + i * 10 + (c - '0');
        }
      }
      keys[id] = Arrays.copyOf(row, n);
    }
    return keys;
  }

  static long stepBucket(long step) {
    long clipped = Math.max(-1000, Math.min(1000, step));
    return Math.abs(clipped) < 10 ? clipped : clipped / 10 * 10 + (clipped > 0 ? 5000 : -5000);
  }

  private static long hundreds(long value) {
    return value < 0 || value > 999 ? 10 : value / 100;
  }

  /**
   * Group in the top 4 bits, then 30 bits for each key (keys are small non-negative or bucketed
   * ints).
   */
  private static long pack(FeatureGroup group, long a, long b) {
    return ((long) group.ordinal() << 60) | ((a & 0x3FFFFFFFL) << 30) | (b & 0x3FFFFFFFL);
  }

  /** SplitMix64 finaliser: spreads the packed key over the bucket bits. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  public int records() {
    return start.length - 1;
  }

  public int features() {
    return features;
  }

  int rowStart(int record) {
    return start[record];
  }

  int rowEnd(int record) {
    return start[record + 1];
  }

  int id(int index) {
    return ids[index];
  }

  double rowScale(int record) {
    return rowScale[record];
  }

  /** Readable name of a feature (the first key hashed into its bucket). */
  public String name(int feature) {
    long key = firstKey[feature];
    FeatureGroup group = FeatureGroup.values()[(int) (key >>> 60)];
    long a = (key >>> 30) & 0x3FFFFFFFL;
    long b = key & 0x3FFFFFFFL;
    return switch (group) {
      case TOKEN -> "token " + token((int) a);
      case BIGRAM -> "bigram " + token((int) a) + " -> " + token((int) b);
      case POSITION -> "position " + a + " " + token((int) b);
      case LAST -> "last " + token((int) a);
      case LENGTH -> "length " + (a >= MAX_LENGTH ? MAX_LENGTH + "+" : String.valueOf(a));
      case FORMAT -> "format " + corpus.formats().term((int) a);
      case PROMPT -> "prompt " + corpus.prompts().term((int) a);
      case DIGIT ->
          String.format(
              Locale.ROOT, "%d-digit numbers, digit %d = %d", a / 100, (a / 10) % 10 + 1, a % 10);
      case STEP -> "step " + stepName(signed(a));
      case HUNDREDS_PAIR -> "hundreds " + hundredsName(a) + " -> " + hundredsName(b);
      case POSITION_HUNDREDS ->
          (a == 0 ? "last" : "position " + a) + " hundreds " + hundredsName(b);
      case FORMAT_PAIR -> "format " + format(a) + " & " + format(b);
      case FORMAT_TRIPLE ->
          "format " + format(a >>> 15) + " & " + format(a & 0x7FFF) + " & " + format(b);
      case FORMAT_LENGTH ->
          "format "
              + format(a)
              + " & length "
              + (b >= MAX_LENGTH ? MAX_LENGTH + "+" : String.valueOf(b));
      case CHAR_GRAM -> "chars " + charGramName(a, b) + " (digits as d)";
    };
  }

  private static long signed(long thirtyBits) {
    return (thirtyBits << 34) >> 34;
  }

  private static String stepName(long bucket) {
    if (Math.abs(bucket) < 10) {
      return String.format(Locale.ROOT, "%+d", bucket);
    }
    long base = bucket > 0 ? bucket - 5000 : bucket + 5000;
    return base > 0 ? "+" + base + ".." + (base + 9) : base + ".." + (base - 9);
  }

  private static String hundredsName(long bucket) {
    return bucket >= 10 ? "other" : bucket * 100 + "-" + (bucket * 100 + 99);
  }

  private String format(long id) {
    return corpus.formats().term((int) id);
  }

  private String token(int id) {
    return "'" + corpus.tokens().term(id).replace("\n", "\\n") + "'";
  }
}
