package dev.heredity.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.profile.CorpusLeaks;
import dev.heredity.detectors.profile.CorpusProfile;
import dev.heredity.detectors.profile.SampleInfo;
import dev.heredity.detectors.profile.SampleKey;
import dev.heredity.detectors.profile.TokenTables;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The full-corpus pass of one dataset on Spark: every record goes through the local detectors'
 * parser, featurizer and leak index inside the executors; partition tallies merge in a tree; the
 * driver keeps only the merged tables and the sample. Java entry point; {@link ProfileJob} is the
 * {@code spark-submit} one.
 */
public final class CorpusProfiler {
  /** Distinct tokens kept per table; rarer ones are dropped and the table marked truncated. */
  static final int MAX_VOCABULARY = 1_000_000;

  private static final int TREE_DEPTH = 3;
  private static final ObjectMapper JSON = new ObjectMapper();

  private CorpusProfiler() {}

  /** The profile and the sampled raw records, in their original order. */
  public record Result(CorpusProfile profile, List<String> sample) {
    public Result {
      sample = List.copyOf(sample);
    }
  }

  /** Profiles the files at {@code location} (a file, a folder or a glob). */
  public static Result profile(
      SparkSession spark,
      String dataset,
      String location,
      ProfileSettings settings,
      String createdAt,
      String sampleFile) {
    List<String> files = RecordSources.files(spark, location);
    return run(
        spark, dataset, RecordSources.read(spark, files), files, settings, createdAt, sampleFile);
  }

  /** Profiles a table already loaded in Spark (each row read as the JSON object of its columns). */
  public static Result profile(
      SparkSession spark,
      String dataset,
      Dataset<Row> rows,
      ProfileSettings settings,
      String createdAt,
      String sampleFile) {
    return run(
        spark, dataset, RecordSources.of(rows), List.of(dataset), settings, createdAt, sampleFile);
  }

  private static Result run(
      SparkSession spark,
      String dataset,
      JavaRDD<SourceRecord> records,
      List<String> files,
      ProfileSettings settings,
      String createdAt,
      String sampleFile) {
    if (records.isEmpty()) {
      throw new InvalidInputException(files.get(0) + ": no records");
    }
    SourceRecord first = records.first();
    InputFormat format =
        settings.format() != null
            ? settings.format()
            : sniff(
                first.raw(), settings.field(), files.get(first.file()) + ":" + first.position());
    PartitionTally tally =
        records
            .mapPartitionsWithIndex(new PartitionScanner(settings, format, files), false)
            .treeReduce(PartitionTally::merge, TREE_DEPTH);
    List<LeakReport.TraitLeak> traits = new ArrayList<>();
    tally.traitRecords.forEach(
        (trait, count) ->
            traits.add(
                new LeakReport.TraitLeak(
                    trait,
                    tally.traitTerms.get(trait),
                    count,
                    leakHits(tally.traitHits.get(trait)))));
    CorpusLeaks leaks =
        new CorpusLeaks(
            traits,
            tally.blocklistRecords,
            tally.blocklistHits == null ? null : leakHits(tally.blocklistHits));
    List<String> sample = tally.sample().stream().map(Sampled::raw).toList();
    String engine = "spark " + spark.version() + " " + spark.sparkContext().master();
    CorpusProfile profile =
        new CorpusProfile(
            CorpusProfile.SCHEMA,
            dataset,
            engine,
            createdAt,
            settings.modality().id(),
            files.size(),
            tally.records,
            tally.skipped,
            tally.bytes,
            tally.formatCounts(),
            tokenTables(tally),
            leaks,
            tally.blocklistTokenRecords,
            new SampleInfo(sampleFile, sample.size(), settings.seed(), SampleKey.METHOD));
    return new Result(profile, sample);
  }

  private static List<LeakReport.LeakHit> leakHits(List<Hit> hits) {
    return hits.stream()
        .map(
            h ->
                new LeakReport.LeakHit(
                    Math.toIntExact(h.number()), Math.toIntExact(h.position()), h.snippet()))
        .toList();
  }

  private static TokenTables tokenTables(PartitionTally tally) {
    boolean[] truncated = {false};
    Map<String, Long> any = capped(tally.tokens, truncated);
    Map<String, Long> records = new TreeMap<>(tally.tokenRecords);
    records.keySet().retainAll(any.keySet());
    List<Map<String, Long>> positions =
        tally.positions.stream().map(p -> capped(p, truncated)).toList();
    return new TokenTables(any, records, positions, truncated[0]);
  }

  private static Map<String, Long> capped(Map<String, Long> counts, boolean[] truncated) {
    if (counts.size() <= MAX_VOCABULARY) {
      return counts;
    }
    truncated[0] = true;
    Map<String, Long> kept = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(MAX_VOCABULARY)
        .forEach(e -> kept.put(e.getKey(), e.getValue()));
    return kept;
  }

  /** The layout from the first record, by the same rules as the local readers. */
  static InputFormat sniff(String first, String field, String where) {
    if (!first.stripLeading().startsWith("{")) {
      return InputFormat.LINES;
    }
    JsonNode node;
    try {
      node = JSON.readTree(first);
    } catch (IOException e) {
      throw new InvalidInputException(where + ": malformed JSON in the first record");
    }
    if (node.has("messages")) {
      return InputFormat.CHAT;
    }
    if (node.has("completion")) {
      return InputFormat.PROMPT_COMPLETION;
    }
    if (node.has("text") || field != null) {
      return InputFormat.TEXT;
    }
    throw new InvalidInputException(
        where
            + ": cannot tell where the generated text is: expected a \"messages\","
            + " \"completion\" or \"text\" field, or the dataset's 'field'");
  }
}
