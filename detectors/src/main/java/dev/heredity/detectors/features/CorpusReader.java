package dev.heredity.detectors.features;

import dev.heredity.detectors.DatasetInput;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InputReport;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.input.DatasetPaths;
import dev.heredity.detectors.input.InputLimits;
import dev.heredity.detectors.input.MalformedRecordException;
import dev.heredity.detectors.input.RecordParser;
import dev.heredity.detectors.input.RecordSource;
import dev.heredity.detectors.input.RecordSource.RawRecord;
import dev.heredity.detectors.input.RecordSources;
import dev.heredity.detectors.input.TextRecord;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Streams one side (all the files of a dataset, in a stable order) once: the calling thread reads
 * raw records in chunks, worker threads parse and featurise them, and the chunks are taken back in
 * file order. Every record counts towards the full-pass statistics (counts, format tally, the
 * visitor: the leak index); the tests' records are kept in a seeded {@link Reservoir}, so memory
 * holds the sample plus a few chunks whatever the input size, and results do not depend on the
 * thread count.
 */
public final class CorpusReader {
  private static final int CHUNK_RECORDS = 2048;
  private static final long CHUNK_CHARS = 8L << 20;

  private final ExecutorService workers;
  private final int parallelism;
  private final RecordFeaturizer featurizer;

  public CorpusReader(ExecutorService workers, int parallelism, RecordFeaturizer featurizer) {
    this.workers = workers;
    this.parallelism = parallelism;
    this.featurizer = featurizer;
  }

  /** What reading one file produced (kept for {@code Detection.run(Corpus, ...)}). */
  public record Outcome(int records, int skipped) {}

  /**
   * @param format the layout, null = detect from the first file
   * @param maxRecords read at most this many records (first N), 0 = all
   * @param sampleSize tests' sample size, 0 = every record read
   * @param seed seeds the sample
   */
  public record Options(
      InputFormat format,
      InputLimits limits,
      int maxRecords,
      int sampleSize,
      long seed,
      boolean skipBad) {}

  /**
   * Sees every accepted record with its 1-based record number in the side; called from worker
   * threads.
   */
  @FunctionalInterface
  public interface RecordVisitor {
    void visit(long recordNumber, TextRecord record);
  }

  /** One side read: the tests' records in stream order, and the full-pass counts. */
  public record Side(
      List<TextRecord> tested,
      boolean sampled,
      long records,
      long skipped,
      long oversize,
      String layout,
      List<InputReport.FileRecords> files,
      FormatTally tally) {

    public InputReport.Side report() {
      return new InputReport.Side(layout, records, tested.size(), skipped, oversize, files);
    }
  }

  public Side read(
      String label,
      DatasetInput input,
      Options options,
      RecordVisitor visitor,
      ProgressListener progress) {
    List<Path> files = DatasetPaths.resolve(input.path(), input.split());
    long total = 0;
    for (Path file : files) {
      total += Math.max(1, file.toFile().length());
    }
    long limit = options.maxRecords() <= 0 ? Long.MAX_VALUE : options.maxRecords();
    Reservoir reservoir = new Reservoir(options.sampleSize(), options.seed());
    FormatTally tally = new FormatTally();
    List<InputReport.FileRecords> perFile = new ArrayList<>();
    long[] counters = new long[3]; // submitted, skipped, oversize
    long done = 0;
    InputFormat layout = options.format();
    String task = "reading " + label;
    for (Path file : files) {
      if (counters[0] >= limit) {
        break;
      }
      long before = reservoir.seen();
      try (RecordSource source =
          RecordSources.open(file, layout, input.field(), input.promptField(), options.limits())) {
        layout = source.parser().format();
        readFile(
            file, source, options, limit, counters, reservoir, tally, visitor, progress, task, done,
            total);
        counters[2] += source.oversize();
        done += source.size();
      }
      perFile.add(new InputReport.FileRecords(file.toString(), reservoir.seen() - before));
    }
    progress.update(task, total, total);
    if (reservoir.seen() == 0) {
      String why =
          counters[1] > 0
              ? " (all " + counters[1] + " were malformed)"
              : counters[2] > 0
                  ? " (all " + counters[2] + " were over the size cap)"
                  : " (the file is empty)";
      throw new InvalidInputException(input.path() + ": no records" + why);
    }
    return new Side(
        reservoir.inStreamOrder(),
        reservoir.sampled(),
        reservoir.seen(),
        counters[1],
        counters[2],
        layout == null ? null : layout.id(),
        perFile,
        tally);
  }

  private void readFile(
      Path file,
      RecordSource source,
      Options options,
      long limit,
      long[] counters,
      Reservoir reservoir,
      FormatTally tally,
      RecordVisitor visitor,
      ProgressListener progress,
      String task,
      long done,
      long total) {
    ArrayDeque<Future<Chunk>> pending = new ArrayDeque<>();
    RecordParser parser = source.parser();
    int maxChars = options.limits().maxRecordChars();
    try {
      while (counters[0] < limit) {
        List<RawRecord> batch = new ArrayList<>(CHUNK_RECORDS);
        long chars = 0;
        while (batch.size() < CHUNK_RECORDS
            && chars < CHUNK_CHARS
            && counters[0] + batch.size() < limit) {
          RawRecord raw = source.next();
          if (raw == null) {
            break;
          }
          batch.add(raw);
          chars += raw.parsed() != null ? length(raw.parsed()) : raw.rawLength();
        }
        if (batch.isEmpty()) {
          break;
        }
        long firstNumber = counters[0] + 1;
        counters[0] += batch.size();
        pending.add(
            workers.submit(
                () ->
                    process(
                        file,
                        batch,
                        firstNumber,
                        parser,
                        maxChars,
                        options.skipBad(),
                        visitor,
                        reservoir)));
        while (pending.size() > parallelism * 2) {
          take(pending.poll(), reservoir, tally, counters);
        }
        progress.update(task, Math.min(done + source.consumed(), total - 1), total);
      }
      while (!pending.isEmpty()) {
        take(pending.poll(), reservoir, tally, counters);
      }
    } finally {
      pending.forEach(f -> f.cancel(true));
    }
  }

  private static long length(TextRecord record) {
    return (record.text() == null ? 0 : record.text().length())
        + (record.prompt() == null ? 0 : record.prompt().length());
  }

  /** Parsed and accepted records of a chunk with their record numbers, and its tally. */
  private record Chunk(
      long[] numbers,
      List<TextRecord> records,
      int outOfSample,
      FormatTally tally,
      int skipped,
      int oversize) {}

  private Chunk process(
      Path file,
      List<RawRecord> batch,
      long firstNumber,
      RecordParser parser,
      int maxChars,
      boolean skipBad,
      RecordVisitor visitor,
      Reservoir reservoir) {
    FormatTally tally = new FormatTally();
    List<TextRecord> records = new ArrayList<>(batch.size());
    long[] numbers = new long[batch.size()];
    int skipped = 0;
    int oversize = 0;
    int outOfSample = 0;
    for (int i = 0; i < batch.size(); i++) {
      RawRecord raw = batch.get(i);
      TextRecord record;
      try {
        record = parser.parse(raw);
      } catch (MalformedRecordException e) {
        if (skipBad) {
          skipped++;
          continue;
        }
        throw new InvalidInputException(
            file
                + ":"
                + raw.line()
                + (e.column() > 0 ? ":" + e.column() : "")
                + ": "
                + e.getMessage());
      }
      if (length(record) > maxChars) {
        oversize++;
        continue;
      }
      tally.add(featurizer.formatFeatures(record));
      long number = firstNumber + i;
      if (visitor != null) {
        visitor.visit(number, record);
      }
      if (!reservoir.mayEnter(number)) {
        outOfSample++;
        continue;
      }
      numbers[records.size()] = number;
      records.add(record);
    }
    return new Chunk(numbers, records, outOfSample, tally, skipped, oversize);
  }

  private static void take(
      Future<Chunk> future, Reservoir reservoir, FormatTally tally, long[] counters) {
    Chunk chunk = get(future);
    for (int i = 0; i < chunk.records().size(); i++) {
      reservoir.offer(chunk.numbers()[i], chunk.records().get(i));
    }
    reservoir.skip(chunk.outOfSample());
    tally.add(chunk.tally());
    counters[1] += chunk.skipped();
    counters[2] += chunk.oversize();
  }

  /** Featurises records in parallel chunks and appends them to the builder in order. */
  public void featurize(List<TextRecord> records, CorpusBuilder builder) {
    ArrayDeque<Future<FeatureChunk>> pending = new ArrayDeque<>();
    try {
      for (int from = 0; from < records.size(); from += CHUNK_RECORDS) {
        List<TextRecord> slice =
            records.subList(from, Math.min(records.size(), from + CHUNK_RECORDS));
        pending.add(
            workers.submit(
                () -> {
                  FeatureChunk chunk = new FeatureChunk(featurizer.modality());
                  for (TextRecord record : slice) {
                    chunk.add(record.line(), featurizer.features(record), record.text());
                  }
                  return chunk;
                }));
        while (pending.size() > parallelism * 2) {
          builder.add(get(pending.poll()));
        }
      }
      while (!pending.isEmpty()) {
        builder.add(get(pending.poll()));
      }
    } finally {
      pending.forEach(f -> f.cancel(true));
    }
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
