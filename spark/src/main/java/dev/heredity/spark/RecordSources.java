package dev.heredity.spark;

import dev.heredity.detectors.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Reads a dataset's files (any file system Spark's Hadoop client reaches) into {@link
 * SourceRecord}s: JSONL and plain lines (gzip too) through Hadoop's line reader, numbered by their
 * position in the file; Parquet through Spark's reader, each row turned into the JSON object the
 * local readers would see, numbered by its row index. Files are read in sorted path order, so
 * record numbers do not depend on the file system.
 */
final class RecordSources {
  private static final List<String> DATA_SUFFIXES =
      List.of(".jsonl", ".json", ".ndjson", ".txt", ".parquet");

  private RecordSources() {}

  /** A file, every data file of a folder (recursively, sorted), or a glob's matches (sorted). */
  static List<String> files(SparkSession spark, String location) {
    try {
      Path path = new Path(location);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      FileStatus[] matches = fs.globStatus(path);
      if (matches == null || matches.length == 0) {
        throw new InvalidInputException(location + ": no such file, folder or glob match");
      }
      List<String> files = new ArrayList<>();
      for (FileStatus match : matches) {
        collect(fs, match, files);
      }
      if (files.isEmpty()) {
        throw new InvalidInputException(
            location
                + ": no data files (expected "
                + String.join(", ", DATA_SUFFIXES)
                + ", optionally gzipped)");
      }
      files.sort(null);
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(location + ": " + e.getMessage(), e);
    }
  }

  private static void collect(FileSystem fs, FileStatus status, List<String> files)
      throws IOException {
    if (status.isDirectory()) {
      FileStatus[] children = fs.listStatus(status.getPath());
      Arrays.sort(children);
      for (FileStatus child : children) {
        String name = child.getPath().getName();
        if (!name.startsWith(".") && !name.startsWith("_")) {
          collect(fs, child, files);
        }
      }
    } else if (isData(status.getPath().getName())) {
      files.add(status.getPath().toString());
    }
  }

  static boolean isData(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    String base = lower.endsWith(".gz") ? lower.substring(0, lower.length() - 3) : lower;
    return DATA_SUFFIXES.stream().anyMatch(base::endsWith);
  }

  static boolean isParquet(String file) {
    return file.toLowerCase(Locale.ROOT).endsWith(".parquet");
  }

  /** All files as one RDD, partitions in file order (file 0's first), positions 1-based. */
  static JavaRDD<SourceRecord> read(SparkSession spark, List<String> files) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    List<JavaRDD<SourceRecord>> parts = new ArrayList<>();
    long before = 0; // records in the files already read: record numbers run across all files
    for (int i = 0; i < files.size(); i++) {
      int file = i;
      long offset = before;
      if (isParquet(files.get(i))) {
        Dataset<Row> rows = spark.read().parquet(files.get(i));
        before += rows.count();
        Column json =
            functions.to_json(
                functions.struct(
                    Arrays.stream(rows.columns()).map(rows::col).toArray(Column[]::new)));
        parts.add(
            rows.select(json.as("raw"), functions.col("_metadata.row_index").as("row"))
                .javaRDD()
                .map(
                    r ->
                        new SourceRecord(
                            file, r.getLong(1) + 1, offset + r.getLong(1) + 1, r.getString(0))));
      } else {
        JavaRDD<String> lines = context.textFile(files.get(i));
        // One counting pass gives each partition its first line and record number, so the main pass
        // numbers records exactly as a local reader does (blank lines count as lines, not records).
        List<long[]> counts =
            lines
                .mapPartitionsWithIndex(
                    (Integer p, Iterator<String> it) -> {
                      long n = 0;
                      long records = 0;
                      while (it.hasNext()) {
                        n++;
                        records += it.next().isBlank() ? 0 : 1;
                      }
                      return List.of(new long[] {p, n, records}).iterator();
                    },
                    true)
                .collect();
        long[] lineStarts = new long[counts.size()];
        long[] numberStarts = new long[counts.size()];
        long lineSum = 0;
        long recordSum = offset;
        for (long[] c : counts.stream().sorted(Comparator.comparingLong(c -> c[0])).toList()) {
          lineStarts[(int) c[0]] = lineSum;
          numberStarts[(int) c[0]] = recordSum;
          lineSum += c[1];
          recordSum += c[2];
        }
        before = recordSum;
        parts.add(
            lines.mapPartitionsWithIndex(
                (Integer p, Iterator<String> it) ->
                    new NumberedLines(file, lineStarts[p], numberStarts[p], it),
                true));
      }
    }
    JavaRDD<SourceRecord> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
  }

  /** Non-blank lines as records, with their line and record numbers. */
  private static final class NumberedLines implements Iterator<SourceRecord> {
    private final int file;
    private final Iterator<String> lines;
    private long line;
    private long number;
    private SourceRecord next;

    NumberedLines(int file, long lineStart, long numberStart, Iterator<String> lines) {
      this.file = file;
      this.line = lineStart;
      this.number = numberStart;
      this.lines = lines;
    }

    @Override
    public boolean hasNext() {
      while (next == null && lines.hasNext()) {
        String raw = lines.next();
        line++;
        if (!raw.isBlank()) {
          next = new SourceRecord(file, line, ++number, raw);
        }
      }
      return next != null;
    }

    @Override
    public SourceRecord next() {
      if (!hasNext()) {
        throw new java.util.NoSuchElementException();
      }
      SourceRecord out = next;
      next = null;
      return out;
    }
  }

  /**
   * A table already in Spark: each row becomes the JSON object of its columns, numbered in RDD
   * order.
   */
  static JavaRDD<SourceRecord> of(Dataset<Row> rows) {
    Column json =
        functions.to_json(
            functions.struct(Arrays.stream(rows.columns()).map(rows::col).toArray(Column[]::new)));
    return rows.select(json.as("raw"))
        .javaRDD()
        .zipWithIndex()
        .map(t -> new SourceRecord(0, t._2() + 1, t._2() + 1, t._1().getString(0)));
  }
}
