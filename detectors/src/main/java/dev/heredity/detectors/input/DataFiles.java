package dev.heredity.detectors.input;

import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.InvalidInputException.Problem;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens one data file as a byte stream, gunzipping transparently (by magic bytes, not by name).
 * Gzip errors name the file and the compressed byte offset; a stream that inflates beyond {@link
 * #MAX_RATIO} times its compressed size after {@link #RATIO_FLOOR} bytes is refused as a
 * decompression bomb.
 */
public final class DataFiles {
  static final int BUFFER = 1 << 16;

  /** Real JSONL/CSV compresses 3-20x; a bomb of repeated bytes about 1000x. */
  public static final int MAX_RATIO = 200;

  static final long RATIO_FLOOR = 256L << 20;

  private DataFiles() {}

  /**
   * An open data file: {@link #in()} yields the decompressed bytes; {@link #compressedBytes()} the
   * progress.
   */
  public static final class Opened implements AutoCloseable {
    private final Path file;
    private final CountingInputStream raw;
    private final boolean gzip;
    private final InputStream in;
    private final long size;

    private Opened(Path file, CountingInputStream raw, boolean gzip, InputStream in, long size) {
      this.file = file;
      this.raw = raw;
      this.gzip = gzip;
      this.in = in;
      this.size = size;
    }

    public InputStream in() {
      return in;
    }

    public boolean gzip() {
      return gzip;
    }

    /** Bytes of the file on disk read so far. */
    public long compressedBytes() {
      return raw.count();
    }

    public long size() {
      return size;
    }

    public Path file() {
      return file;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  public static Opened open(Path file) {
    DatasetPaths.requireReadable(file);
    try {
      long size = Files.size(file);
      CountingInputStream raw = new CountingInputStream(Files.newInputStream(file));
      BufferedInputStream buffered = new BufferedInputStream(raw, BUFFER);
      buffered.mark(2);
      int b1 = buffered.read();
      int b2 = buffered.read();
      buffered.reset();
      if (b1 == 0x1f && b2 == 0x8b) {
        InputStream gunzip = new Gunzip(file, raw, new GZIPInputStream(buffered, BUFFER), size);
        return new Opened(file, raw, true, new BufferedInputStream(gunzip, BUFFER), size);
      }
      return new Opened(file, raw, false, buffered, size);
    } catch (ZipException | EOFException e) {
      throw compression(file, 0, e);
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.NOT_A_DATA_FILE, file + ": cannot read: " + e.getMessage(), List.of(), e);
    }
  }

  static InvalidInputException compression(Path file, long offset, IOException e) {
    String why =
        e instanceof EOFException || e.getMessage() == null
            ? "the data ends early (truncated file)"
            : e.getMessage().toLowerCase(Locale.ROOT);
    return new InvalidInputException(
        Problem.COMPRESSION,
        file + ": corrupt gzip data at compressed byte " + offset + ": " + why,
        List.of(),
        e);
  }

  /**
   * File name without a trailing {@code .gz}, lower case, to guess CSV and Parquet by extension.
   */
  static String baseName(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  /** Locates gzip errors and stops decompression bombs. */
  private static final class Gunzip extends InputStream {
    private final Path file;
    private final CountingInputStream raw;
    private final InputStream in;
    private final long size;
    private long inflated;

    Gunzip(Path file, CountingInputStream raw, InputStream in, long size) {
      this.file = file;
      this.raw = raw;
      this.in = in;
      this.size = size;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n;
      try {
        n = in.read(buffer, offset, length);
      } catch (ZipException | EOFException e) {
        throw compression(file, raw.count(), e);
      }
      if (n > 0) {
        inflated += n;
        if (inflated > RATIO_FLOOR && inflated > MAX_RATIO * Math.max(1, size)) {
          throw new InvalidInputException(
              Problem.COMPRESSION,
              file
                  + ": gzip data inflates more than "
                  + MAX_RATIO
                  + " times its size ("
                  + size
                  + " bytes compressed, "
                  + inflated
                  + " bytes so far): refused as a decompression bomb",
              List.of(),
              null);
        }
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
