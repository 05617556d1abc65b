package dev.heredity.spark;

import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.RecordFeatures;
import dev.heredity.detectors.features.RecordFeaturizer;
import dev.heredity.detectors.input.MalformedRecordException;
import dev.heredity.detectors.input.RecordParser;
import dev.heredity.detectors.input.TextRecord;
import dev.heredity.detectors.leak.Blocklist;
import dev.heredity.detectors.leak.LeakIndex;
import dev.heredity.detectors.profile.SampleKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.Function2;

/**
 * The per-record pass of one partition, with the local detectors' own code: the record parser, the
 * featurizer (tokens, format classes, number-filter conformance) and the Lucene leak index. Emits
 * one {@link PartitionTally}.
 */
final class PartitionScanner
    implements Function2<Integer, Iterator<SourceRecord>, Iterator<PartitionTally>> {
  private static final long serialVersionUID = 1L;
  private static final Set<String> BLOCKLIST = Set.copyOf(Blocklist.NUMBERS);

  private final ProfileSettings settings;
  private final InputFormat format;
  private final List<String> fileNames;

  PartitionScanner(ProfileSettings settings, InputFormat format, List<String> fileNames) {
    this.settings = settings;
    this.format = format;
    this.fileNames = List.copyOf(fileNames);
  }

  @Override
  public Iterator<PartitionTally> call(Integer partition, Iterator<SourceRecord> records) {
    RecordParser parser = new RecordParser(format, settings.field());
    RecordFeaturizer featurizer = new RecordFeaturizer(settings.modality());
    boolean numbers = settings.modality() == Modality.NUMBERS;
    boolean scanLeaks = numbers || !settings.traits().isEmpty();
    PartitionTally tally = new PartitionTally(settings.sampleSize());
    // Where each record of this partition came from, by its ordinal here (the leak index's "line").
    Origins origins = new Origins();
    try (LeakIndex leaks = scanLeaks ? LeakIndex.create(numbers) : null) {
      long ordinal = 0;
      while (records.hasNext()) {
        SourceRecord source = records.next();
        TextRecord record;
        try {
          record =
              parser.parse(
                  Math.toIntExact(Math.min(source.position(), Integer.MAX_VALUE)), source.raw());
        } catch (MalformedRecordException e) {
          if (settings.skipBad()) {
            tally.skipped++;
            continue;
          }
          throw new InvalidInputException(
              fileNames.get(source.file())
                  + ":"
                  + source.position()
                  + (e.column() > 0 ? ":" + e.column() : "")
                  + ": "
                  + e.getMessage());
        }
        ordinal++;
        tally.records++;
        tally.bytes += source.raw().getBytes(StandardCharsets.UTF_8).length;
        count(tally, featurizer.features(record));
        if (leaks != null) {
          origins.add(source.position(), source.number());
          leaks.accept(new TextRecord(Math.toIntExact(ordinal), record.prompt(), record.text()));
        }
        tally.offer(
            new Sampled(
                SampleKey.of(settings.seed(), source.number()), source.number(), source.raw()));
      }
      if (leaks != null) {
        LeakReport report =
            leaks.search(settings.traits(), Math.toIntExact(ordinal), line -> line, null);
        for (LeakReport.TraitLeak trait : report.traits()) {
          tally.traitRecords.put(trait.trait(), trait.records());
          tally.traitTerms.put(trait.trait(), trait.terms());
          tally.traitHits.put(trait.trait(), hits(trait.hits(), origins));
        }
        if (report.blocklist() != null) {
          tally.blocklistRecords = report.blocklist().records();
          tally.blocklistHits = hits(report.blocklist().hits(), origins);
        }
      }
    }
    return List.of(tally).iterator();
  }

  private static void count(PartitionTally tally, RecordFeatures features) {
    String[] tokens = features.tokens();
    boolean blocked = false;
    Set<String> distinct = new java.util.HashSet<>();
    for (int i = 0; i < tokens.length; i++) {
      tally.tokens.merge(tokens[i], 1L, Long::sum);
      if (distinct.add(tokens[i])) {
        tally.tokenRecords.merge(tokens[i], 1L, Long::sum);
      }
      if (i < PartitionTally.POSITIONS) {
        tally.positions.get(i).merge(tokens[i], 1L, Long::sum);
      }
      blocked |= BLOCKLIST.contains(tokens[i]);
    }
    tally.blocklistTokenRecords += blocked ? 1 : 0;
    for (String formatClass : features.formatClasses()) {
      int eq = formatClass.indexOf('=');
      Map<String, Long> values =
          tally.formatClasses.computeIfAbsent(formatClass.substring(0, eq), k -> new HashMap<>());
      values.merge(formatClass.substring(eq + 1), 1L, Long::sum);
    }
    tally.conforming += features.conforming() ? 1 : 0;
  }

  private static List<Hit> hits(List<LeakReport.LeakHit> found, Origins origins) {
    List<Hit> hits = new ArrayList<>();
    for (LeakReport.LeakHit hit : found) {
      int i = hit.line() - 1;
      hits.add(new Hit(origins.number(i), origins.position(i), hit.snippet()));
    }
    return hits;
  }

  /**
   * Position and record number of each record in a partition, in primitive arrays (no text kept).
   */
  private static final class Origins {
    private long[] positions = new long[1024];
    private long[] numbers = new long[1024];
    private int size;

    void add(long position, long number) {
      if (size == positions.length) {
        positions = java.util.Arrays.copyOf(positions, size * 2);
        numbers = java.util.Arrays.copyOf(numbers, size * 2);
      }
      positions[size] = position;
      numbers[size] = number;
      size++;
    }

    long position(int i) {
      return positions[i];
    }

    long number(int i) {
      return numbers[i];
    }
  }
}
