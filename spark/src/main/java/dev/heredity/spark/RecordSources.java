package dev.heredity.spark;

import dev.heredity.detectors.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
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
import scala.Tuple2;

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
    long parquetRows = 0;
    for (int i = 0; i < files.size(); i++) {
      int file = i;
      if (isParquet(files.get(i))) {
        long offset = parquetRows;
        Dataset<Row> rows = spark.read().parquet(files.get(i));
        parquetRows += rows.count();
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
        parts.add(
            context
                .textFile(files.get(i))
                .zipWithIndex()
                .filter(t -> !t._1().isBlank())
                .map((Tuple2<String, Long> t) -> new SourceRecord(file, t._2() + 1, 0, t._1())));
      }
    }
    JavaRDD<SourceRecord> all = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      all = all.union(parts.get(i));
    }
    return all;
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
