package dev.heredity.spark;

import dev.heredity.detectors.profile.FormatCounts;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * What a partition (and, merged, the whole dataset) contributes: counts, format classes, token
 * tables, leak hits and the sample candidates. Everything merges associatively and commutatively,
 * so the result does not depend on how Spark partitions or combines.
 */
final class PartitionTally implements Serializable {
  private static final long serialVersionUID = 1L;
  static final int HITS_KEPT = dev.heredity.detectors.leak.LeakIndex.HITS_SHOWN;
  static final int POSITIONS = 3;

  long records;
  long skipped;
  long bytes;
  long conforming;
  long blocklistTokenRecords;
  final Map<String, Map<String, Long>> formatClasses = new HashMap<>();
  final Map<String, Long> tokens = new HashMap<>();
  final Map<String, Long> tokenRecords = new HashMap<>();
  final List<Map<String, Long>> positions = new ArrayList<>();

  /** Trait -> records that mention it. Insertion order = the order the traits were given. */
  final Map<String, Long> traitRecords = new LinkedHashMap<>();

  final Map<String, List<String>> traitTerms = new LinkedHashMap<>();
  final Map<String, List<Hit>> traitHits = new LinkedHashMap<>();
  Long blocklistRecords;
  List<Hit> blocklistHits;

  private final int sampleSize;

  /** Max-heap on the sample key: the root is the first candidate to drop. */
  private final PriorityQueue<Sampled> sample;

  PartitionTally(int sampleSize) {
    this.sampleSize = sampleSize;
    this.sample =
        new PriorityQueue<>(
            Math.max(1, Math.min(sampleSize, 1 << 16)), new Sampled.ByKeyDescending());
    for (int p = 0; p < POSITIONS; p++) {
      positions.add(new HashMap<>());
    }
  }

  void offer(Sampled candidate) {
    if (sampleSize == 0) {
      return;
    }
    if (sample.size() < sampleSize) {
      sample.add(candidate);
    } else if (Sampled.BY_KEY.compare(candidate, sample.peek()) < 0) {
      sample.poll();
      sample.add(candidate);
    }
  }

  List<Sampled> sample() {
    List<Sampled> out = new ArrayList<>(sample);
    out.sort(Sampled.IN_FILE_ORDER);
    return out;
  }

  FormatCounts formatCounts() {
    return new FormatCounts(records, conforming, formatClasses);
  }

  PartitionTally merge(PartitionTally other) {
    records += other.records;
    skipped += other.skipped;
    bytes += other.bytes;
    conforming += other.conforming;
    blocklistTokenRecords += other.blocklistTokenRecords;
    other.formatClasses.forEach(
        (feature, values) -> {
          Map<String, Long> mine = formatClasses.computeIfAbsent(feature, k -> new HashMap<>());
          values.forEach((value, count) -> mine.merge(value, count, Long::sum));
        });
    other.tokens.forEach((token, count) -> tokens.merge(token, count, Long::sum));
    other.tokenRecords.forEach((token, count) -> tokenRecords.merge(token, count, Long::sum));
    for (int p = 0; p < POSITIONS; p++) {
      Map<String, Long> mine = positions.get(p);
      other.positions.get(p).forEach((token, count) -> mine.merge(token, count, Long::sum));
    }
    other.traitRecords.forEach((trait, count) -> traitRecords.merge(trait, count, Long::sum));
    other.traitTerms.forEach(traitTerms::putIfAbsent);
    other.traitHits.forEach(
        (trait, hits) -> traitHits.merge(trait, hits, PartitionTally::firstHits));
    if (other.blocklistRecords != null) {
      blocklistRecords = (blocklistRecords == null ? 0 : blocklistRecords) + other.blocklistRecords;
      blocklistHits =
          firstHits(blocklistHits == null ? List.of() : blocklistHits, other.blocklistHits);
    }
    for (Sampled candidate : other.sample) {
      offer(candidate);
    }
    return this;
  }

  static List<Hit> firstHits(List<Hit> a, List<Hit> b) {
    List<Hit> all = new ArrayList<>(a);
    all.addAll(b);
    all.sort(Hit.IN_FILE_ORDER);
    return new ArrayList<>(all.subList(0, Math.min(HITS_KEPT, all.size())));
  }
}
