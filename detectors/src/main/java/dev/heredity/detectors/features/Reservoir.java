package dev.heredity.detectors.features;

import dev.heredity.detectors.input.TextRecord;
import dev.heredity.detectors.profile.SampleKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A seeded uniform random sample of fixed size over a stream of records, in one pass and with
 * memory for the sample only: the records with the smallest {@link SampleKey} keys of (seed, record
 * number). The sample comes back in stream order. Because the key depends only on the seed and the
 * record's number in the dataset, the same records and seed give the same sample whatever the files
 * they were split into, and the cluster job ({@code heredity-spark}) chooses the same records.
 * Capacity 0 keeps every record.
 */
final class Reservoir {
  private record Entry(long key, long number, TextRecord record) {}

  private static final Comparator<Entry> BY_KEY =
      (a, b) -> SampleKey.compare(a.key(), a.number(), b.key(), b.number());

  private final int capacity;
  private final long seed;

  /** Max-heap on the key: the root is the first entry to drop. */
  private final PriorityQueue<Entry> entries;

  private long seen;

  /**
   * The largest (key, number) in a full sample, read by worker threads to drop records before they
   * reach the sample's thread: it only ever decreases, so a record above a stale bound is above the
   * current one too, and dropping it early gives the same sample.
   */
  private volatile Bound bound;

  private record Bound(long key, long number) {}

  Reservoir(int capacity, long seed) {
    this.capacity = capacity;
    this.seed = seed;
    this.entries = new PriorityQueue<>(Math.max(1, Math.min(capacity, 1 << 16)), BY_KEY.reversed());
  }

  /** Offers the record with its 1-based record number in the dataset. */
  void offer(long number, TextRecord record) {
    seen++;
    long key = SampleKey.of(seed, number);
    if (capacity == 0 || entries.size() < capacity) {
      entries.add(new Entry(key, number, record));
      if (capacity > 0 && entries.size() == capacity) {
        publishBound();
      }
    } else if (SampleKey.compare(key, number, entries.peek().key(), entries.peek().number()) < 0) {
      entries.poll();
      entries.add(new Entry(key, number, record));
      publishBound();
    }
  }

  /**
   * Whether the record with this number could still enter the sample; safe to call from any thread.
   * A record for which this is false may be counted with {@link #skip} instead of being offered.
   */
  boolean mayEnter(long number) {
    Bound current = bound;
    return current == null
        || SampleKey.compare(SampleKey.of(seed, number), number, current.key(), current.number())
            < 0;
  }

  /** Counts records that were seen but could not enter (see {@link #mayEnter}). */
  void skip(long count) {
    seen += count;
  }

  private void publishBound() {
    Entry root = entries.peek();
    bound = new Bound(root.key(), root.number());
  }

  /** Records offered so far. */
  long seen() {
    return seen;
  }

  /** Whether some records were left out of the sample. */
  boolean sampled() {
    return seen > entries.size();
  }

  List<TextRecord> inStreamOrder() {
    List<Entry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingLong(Entry::number));
    return sorted.stream().map(Entry::record).toList();
  }
}
