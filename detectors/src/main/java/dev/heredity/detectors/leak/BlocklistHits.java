package dev.heredity.detectors.leak;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Records holding a blocklisted number, counted as they are added from reader threads, with the
 * first few by record number kept for the report. Adding is cheap once the kept ones are settled:
 * the records come roughly in order, so almost every later hit is past the last one kept.
 */
final class BlocklistHits {
  /** A kept record: its number in the dataset, its line in its file, its text for the snippet. */
  record Hit(long record, int line, String text) {}

  private final int kept;
  private final LongAdder records = new LongAdder();
  private final List<Hit> first = new ArrayList<>();

  /** The largest record number kept once {@code kept} are held, else {@code Long.MAX_VALUE}. */
  private volatile long last = Long.MAX_VALUE;

  BlocklistHits(int kept) {
    this.kept = kept;
  }

  void add(long record, int line, String text) {
    records.increment();
    if (record < last) {
      keep(new Hit(record, line, text));
    }
  }

  private synchronized void keep(Hit hit) {
    if (first.size() == kept) {
      if (hit.record() >= last) {
        return;
      }
      first.remove(first.size() - 1);
    }
    int at = 0;
    while (at < first.size() && first.get(at).record() < hit.record()) {
      at++;
    }
    first.add(at, hit);
    if (first.size() == kept) {
      last = first.get(kept - 1).record();
    }
  }

  long records() {
    return records.sum();
  }

  /** The kept hits by record number. */
  synchronized List<Hit> first() {
    List<Hit> hits = new ArrayList<>(first);
    hits.sort(Comparator.comparingLong(Hit::record));
    return hits;
  }
}
