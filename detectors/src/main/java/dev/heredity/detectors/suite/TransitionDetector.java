package dev.heredity.detectors.suite;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.tables.FeatureKeySink;
import dev.heredity.detectors.tables.TableSpec;
import java.util.List;

/**
 * Order inside a record: consecutive token pairs, and for numbers also coarse (hundreds) pairs, the
 * bucketed step between consecutive values, and the first and last digit of each number by length.
 */
public final class TransitionDetector implements TableDetector {
  private static final int BIGRAM = 0;
  private static final int COARSE = 1;
  private static final int STEP = 2;
  private static final int DIGITS = 3;
  private static final long[] STEP_EDGES = {1, 2, 10, 50, 100, 300, 600};

  @Override
  public String id() {
    return "transitions";
  }

  @Override
  public String description() {
    return "consecutive token pairs; for numbers also hundreds-bucket pairs, value steps and first/last digits";
  }

  @Override
  public TableSpec table(Corpus corpus) {
    boolean numbers = corpus.modality() == Modality.NUMBERS;
    long vocabulary = Math.max(1, corpus.tokens().size());
    List<String> blocks =
        numbers ? List.of("bigram", "hundreds pair", "step", "digits") : List.of("bigram");
    return new TableSpec(
        blocks,
        (record, sink) -> {
          int length = corpus.tokenCount(record);
          for (int i = 0; i < length; i++) {
            int token = corpus.token(record, i);
            if (i > 0) {
              int previous = corpus.token(record, i - 1);
              sink.accept(BIGRAM, previous * vocabulary + token);
              if (numbers) {
                long a = corpus.value(previous);
                long b = corpus.value(token);
                sink.accept(
                    COARSE,
                    HundredsBucket.bucket(a) * HundredsBucket.BUCKETS + HundredsBucket.bucket(b));
                sink.accept(STEP, stepKey(b - a));
              }
            }
            if (numbers) {
              emitDigits(corpus.tokens().term(token), sink);
            }
          }
        },
        (block, key) ->
            switch (block) {
              case BIGRAM ->
                  EvidenceNames.token(corpus, (int) (key / vocabulary))
                      + " -> "
                      + EvidenceNames.token(corpus, (int) (key % vocabulary));
              case COARSE ->
                  HundredsBucket.name(key / HundredsBucket.BUCKETS)
                      + " -> "
                      + HundredsBucket.name(key % HundredsBucket.BUCKETS);
              case STEP -> stepName(key);
              default -> digitName(key);
            });
  }

  /** 0 for no change, 1..7 for rising steps by magnitude bucket, 8..14 for falling ones. */
  static long stepKey(long step) {
    if (step == 0) {
      return 0;
    }
    long magnitude = Math.abs(step);
    int bucket = 0;
    while (bucket + 1 < STEP_EDGES.length && magnitude >= STEP_EDGES[bucket + 1]) {
      bucket++;
    }
    return (step > 0 ? 1 : 1 + STEP_EDGES.length) + bucket;
  }

  private static String stepName(long key) {
    if (key == 0) {
      return "step 0";
    }
    boolean rising = key <= STEP_EDGES.length;
    int bucket = (int) (rising ? key - 1 : key - 1 - STEP_EDGES.length);
    String range =
        bucket + 1 < STEP_EDGES.length
            ? STEP_EDGES[bucket] + ".." + (STEP_EDGES[bucket + 1] - 1)
            : STEP_EDGES[bucket] + "+";
    return "step " + (rising ? "+" : "-") + range;
  }

  /**
   * First and last digit of each number, by number length (the middle digits add little and cost
   * time).
   */
  private static void emitDigits(String number, FeatureKeySink sink) {
    int length = Math.min(number.length(), 4);
    sink.accept(DIGITS, length * 100L + (number.charAt(0) - '0'));
    if (number.length() > 1) {
      sink.accept(DIGITS, length * 100L + 10 + (number.charAt(number.length() - 1) - '0'));
    }
  }

  private static String digitName(long key) {
    long length = key / 100;
    return (length >= 4 ? "4+" : String.valueOf(length))
        + "-digit numbers, "
        + ((key / 10) % 10 == 0 ? "first" : "last")
        + " digit "
        + key % 10;
  }
}
