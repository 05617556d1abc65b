package dev.heredity.detectors.input;

import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a data file as the right {@link RecordSource}: Parquet by its magic bytes, CSV by name,
 * else lines.
 */
public final class RecordSources {
  private RecordSources() {}

  /**
   * @param format the layout, or null to detect it from the file
   */
  public static RecordSource open(
      Path file, InputFormat format, String field, String promptField, InputLimits limits) {
    DatasetPaths.requireReadable(file);
    if (Files.isDirectory(file)) {
      throw new InvalidInputException(file + ": a folder, not a data file");
    }
    if (isParquet(file)) {
      return new ParquetSource(file, format, field, promptField);
    }
    if (DataFiles.baseName(file).endsWith(".parquet")) {
      throw new InvalidInputException(
          InvalidInputException.Problem.TRUNCATED,
          file + ": not a Parquet file (it does not start with the PAR1 magic bytes)",
          java.util.List.of(),
          null);
    }
    if (format == InputFormat.CSV || format == null && DataFiles.baseName(file).endsWith(".csv")) {
      return new CsvSource(file, field, promptField, limits);
    }
    return new JsonLinesSource(file, format, field, promptField, limits);
  }

  /** Parquet files start with {@code PAR1}. */
  static boolean isParquet(Path file) {
    byte[] magic = new byte[4];
    try (InputStream in = Files.newInputStream(file)) {
      int n = in.readNBytes(magic, 0, 4);
      return n == 4 && magic[0] == 'P' && magic[1] == 'A' && magic[2] == 'R' && magic[3] == '1';
    } catch (IOException e) {
      return false;
    }
  }
}
