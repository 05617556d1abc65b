package dev.heredity.detectors.features;

import dev.heredity.detectors.input.TextRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded uniform random sample of fixed size over a stream of records (Vitter's algorithm R), in
 * one pass and with memory for the sample only. Records are offered in stream order with their
 * position; the sample comes back in stream order, so the same records and seed give the same
 * sample whatever the files they were split into. Capacity 0 keeps every record.
 */
final class Reservoir {
  private record Entry(long position, TextRecord record) {}

  private final int capacity;
  private final SplittableRandom random;
  private final List<Entry> entries = new ArrayList<>();
  private long seen;

  Reservoir(int capacity, long seed) {
    this.capacity = capacity;
    this.random = new SplittableRandom(seed);
  }

  void offer(long position, TextRecord record) {
    seen++;
    if (capacity == 0 || entries.size() < capacity) {
      entries.add(new Entry(position, record));
      return;
    }
    long slot = random.nextLong(seen);
    if (slot < capacity) {
      entries.set((int) slot, new Entry(position, record));
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
    return entries.stream()
        .sorted(Comparator.comparingLong(Entry::position))
        .map(Entry::record)
        .toList();
  }
}
