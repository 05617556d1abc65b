package dev.heredity.transfer.data;

import dev.heredity.transfer.TransferInputException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Reads one IDX file of unsigned bytes (magic 0x0000080N, N big-endian dimension sizes, then the
 * data), plain or gzip'd (detected from the first two bytes). Every defect is an {@link
 * TransferInputException} naming the file and the byte offset in the uncompressed stream.
 */
public final class IdxReader {
  private static final int UNSIGNED_BYTE = 0x08;

  /** Refuse headers that promise more than this many bytes (the 60k MNIST images are 47 MB). */
  private static final long MAX_BYTES = 1L << 30;

  /**
   * Items one file may hold (MNIST has 70,000): a 1x1 image set of 2^30 items fits the byte cap but
   * is no digit data, and refusing it at the header saves reading a gigabyte to find that out.
   */
  static final int MAX_ITEMS = 10_000_000;

  /** Largest image side (MNIST is 28): the transfer MLP's input grows with its square. */
  static final int MAX_SIDE = 1024;

  private IdxReader() {}

  /** The parsed file: dimension sizes and the data bytes in row-major order. */
  public record IdxData(String name, int[] dims, byte[] data) {
    public int count() {
      return dims[0];
    }

    /** Bytes per item: the product of all dimensions but the first. */
    public int itemSize() {
      int size = 1;
      for (int i = 1; i < dims.length; i++) {
        size *= dims[i];
      }
      return size;
    }
  }

  /** Reads an IDX file with {@code expectedDims} dimensions (3 for images, 1 for labels). */
  public static IdxData read(String name, InputStream raw, int expectedDims) {
    try (InputStream in = decompressing(raw)) {
      byte[] header = in.readNBytes(4);
      if (header.length < 4) {
        throw error(name, header.length, "truncated: the file ends inside the 4-byte magic number");
      }
      int magic =
          ((header[0] & 0xff) << 24)
              | ((header[1] & 0xff) << 16)
              | ((header[2] & 0xff) << 8)
              | (header[3] & 0xff);
      int expectedMagic = (UNSIGNED_BYTE << 8) | expectedDims;
      if (magic != expectedMagic) {
        throw error(
            name,
            0,
            String.format(
                Locale.ROOT,
                "wrong magic number 0x%08x (expected 0x%08x for an IDX %s file)",
                magic,
                expectedMagic,
                expectedDims == 1 ? "label" : "image"));
      }
      int[] dims = new int[expectedDims];
      long total = 1;
      for (int d = 0; d < expectedDims; d++) {
        byte[] b = in.readNBytes(4);
        long offset = 4L + 4L * d;
        if (b.length < 4) {
          throw error(
              name,
              offset + b.length,
              "truncated: the file ends inside the header (dimension " + (d + 1) + ")");
        }
        dims[d] =
            ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (dims[d] <= 0) {
          throw error(
              name, offset, "dimension " + (d + 1) + " is " + dims[d] + " (must be positive)");
        }
        if (d == 0 && dims[d] > MAX_ITEMS) {
          throw error(
              name,
              offset,
              "the header declares " + dims[d] + " items; at most " + MAX_ITEMS + " are read");
        }
        if (d > 0 && dims[d] > MAX_SIDE) {
          throw error(
              name,
              offset,
              "dimension "
                  + (d + 1)
                  + " is "
                  + dims[d]
                  + " pixels; images up to "
                  + MAX_SIDE
                  + " x "
                  + MAX_SIDE
                  + " are read");
        }
        total *= dims[d];
        if (total > MAX_BYTES) {
          throw error(
              name, offset, "the header promises more than " + MAX_BYTES + " bytes of data");
        }
      }
      long headerSize = 4L + 4L * expectedDims;
      byte[] data = in.readNBytes((int) total);
      if (data.length < total) {
        throw error(
            name,
            headerSize + data.length,
            "truncated: expected "
                + total
                + " bytes of data after the header ("
                + dimsText(dims)
                + "), the file ends "
                + (total - data.length)
                + " bytes early");
      }
      if (in.read() != -1) {
        throw error(
            name,
            headerSize + total,
            "unexpected data after the " + dimsText(dims) + " items the header declares");
      }
      return new IdxData(name, dims, data);
    } catch (IOException e) {
      throw new TransferInputException(name + ": cannot read IDX data: " + e.getMessage(), e);
    }
  }

  /** Checks that every label is in [0, classes). */
  public static void checkLabels(IdxData labels, int classes) {
    byte[] data = labels.data();
    for (int i = 0; i < data.length; i++) {
      int label = data[i] & 0xff;
      if (label >= classes) {
        throw error(
            labels.name(), 8L + i, "label " + label + " is out of range 0-" + (classes - 1));
      }
    }
  }

  static TransferInputException error(String name, long offset, String message) {
    return new TransferInputException(name + ": byte " + offset + ": " + message);
  }

  private static String dimsText(int[] dims) {
    return String.join("x", Arrays.stream(dims).mapToObj(Integer::toString).toArray(String[]::new));
  }

  private static InputStream decompressing(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    return in;
  }
}
