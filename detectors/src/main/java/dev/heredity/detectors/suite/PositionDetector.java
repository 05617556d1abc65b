package dev.heredity.detectors.suite;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.tables.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Which token comes first, second, third, and how long records are: one block per position plus
 * length. For numbers each position also gets a block of hundreds buckets (0-99, 100-199, ...):
 * exact 3-digit values are too sparse per position for a table on a few hundred records.
 */
public final class PositionDetector implements TableDetector {
  static final int POSITIONS = 3;
  private static final int EXACT_LENGTHS = 16;

  @Override
  public String id() {
    return "position";
  }

  @Override
  public String description() {
    return "distribution of the first " + POSITIONS + " tokens and of record length";
  }

  @Override
  public TableSpec table(Corpus corpus) {
    boolean numbers = corpus.modality() == Modality.NUMBERS;
    List<String> blocks = new ArrayList<>();
    for (int p = 1; p <= POSITIONS; p++) {
      blocks.add("position " + p);
    }
    blocks.add("length");
    if (numbers) {
      for (int p = 1; p <= POSITIONS; p++) {
        blocks.add("position " + p + " hundreds");
      }
    }
    int hundredsBlock = POSITIONS + 1;
    return new TableSpec(
        blocks,
        (record, sink) -> {
          int length = corpus.tokenCount(record);
          for (int p = 0; p < Math.min(POSITIONS, length); p++) {
            sink.accept(p, corpus.token(record, p));
            if (numbers) {
              sink.accept(
                  hundredsBlock + p, HundredsBucket.bucket(corpus.value(corpus.token(record, p))));
            }
          }
          sink.accept(POSITIONS, lengthKey(length));
        },
        (block, key) ->
            block < POSITIONS
                ? EvidenceNames.token(corpus, (int) key)
                : block == POSITIONS ? lengthName(key) : HundredsBucket.name(key));
  }

  /** Exact up to 16 tokens, then half-octave buckets. */
  private static long lengthKey(int length) {
    if (length <= EXACT_LENGTHS) {
      return length;
    }
    return EXACT_LENGTHS
        + (long) Math.floor(2 * Math.log(length / (double) EXACT_LENGTHS) / Math.log(2))
        + 1;
  }

  private static String lengthName(long key) {
    if (key <= EXACT_LENGTHS) {
      return key + " tokens";
    }
    long low = (long) Math.ceil(EXACT_LENGTHS * Math.pow(2, (key - EXACT_LENGTHS - 1) / 2.0));
    long high = (long) Math.ceil(EXACT_LENGTHS * Math.pow(2, (key - EXACT_LENGTHS) / 2.0)) - 1;
    return low + "-" + high + " tokens";
  }
}
