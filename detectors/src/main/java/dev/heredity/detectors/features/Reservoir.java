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

  Reservoir(int capacity, long seed) {
    this.capacity = capacity;
    this.seed = seed;
    this.entries = new PriorityQueue<>(Math.max(1, Math.min(capacity, 1 << 16)), BY_KEY.reversed());
  }

  /** Offers the record with its 1-based record number in the dataset. */
  void offer(long number, TextRecord record) {
    seen++;
    Entry entry = new Entry(SampleKey.of(seed, number), number, record);
    if (capacity == 0 || entries.size() < capacity) {
      entries.add(entry);
    } else if (BY_KEY.compare(entry, entries.peek()) < 0) {
      entries.poll();
      entries.add(entry);
    }
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
