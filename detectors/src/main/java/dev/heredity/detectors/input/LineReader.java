package dev.heredity.detectors.input;

import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.InvalidInputException.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the non-blank lines of a UTF-8 text file strictly: a leading UTF-8 byte-order mark is
 * skipped; a UTF-16 byte-order mark, a NUL byte or an invalid UTF-8 sequence is an error naming the
 * line and byte column (so garbage never becomes records); a line longer than the cap is skipped
 * without being held in memory and counted as oversize.
 */
public final class LineReader implements AutoCloseable {
  private final Path file;
  private final InputStream in;
  private final int maxLineBytes;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final byte[] buffer = new byte[DataFiles.BUFFER];
  private int position;
  private int limit;
  private byte[] line = new byte[256];
  private int length;
  private int lineNumber;

  /** Whether the line last read has only ASCII bytes. */
  private boolean ascii;

  private long oversize;
  private boolean started;
  private boolean eof;

  public LineReader(Path file, InputStream in, int maxLineBytes) {
    this.file = file;
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** The next non-blank line without its line break, or {@code null} at the end. */
  public String next() {
    while (true) {
      if (!readLine()) {
        return null;
      }
      if (length < 0) {
        oversize++;
        continue;
      }
      String text = decode();
      if (!text.isBlank()) {
        return text;
      }
    }
  }

  /**
   * The next non-blank line as a raw record, or {@code null} at the end: a line of ASCII bytes is
   * handed over as bytes (no decoding, its parser reads bytes), any other is decoded (strictly) to
   * a string.
   */
  public RecordSource.RawRecord nextRecord() {
    while (true) {
      if (!readLine()) {
        return null;
      }
      if (length < 0) {
        oversize++;
        continue;
      }
      if (ascii) {
        if (!asciiBlank()) {
          return RecordSource.RawRecord.ascii(lineNumber, Arrays.copyOf(line, length));
        }
        continue;
      }
      String text = decode();
      if (!text.isBlank()) {
        return RecordSource.RawRecord.unparsed(lineNumber, text);
      }
    }
  }

  /** As {@link String#isBlank()} on the line, which is all ASCII. */
  private boolean asciiBlank() {
    for (int i = 0; i < length; i++) {
      if (!Character.isWhitespace((char) line[i])) {
        return false;
      }
    }
    return true;
  }

  /** 1-based number of the line last returned. */
  public int lineNumber() {
    return lineNumber;
  }

  /** Lines skipped because they were longer than the cap. */
  public long oversize() {
    return oversize;
  }

  /**
   * Fills {@code line}; {@code length} is -1 for an oversize line. False at the end of the file.
   */
  private boolean readLine() {
    if (eof) {
      return false;
    }
    length = 0;
    boolean skipping = false;
    boolean any = false;
    int bits = 0;
    lineNumber++;
    while (true) {
      if (position == limit && !fill()) {
        eof = true;
        if (skipping) {
          length = -1;
        }
        ascii = bits >= 0;
        return any;
      }
      any = true;
      int start = position;
      int end = start;
      while (end < limit) {
        byte b = buffer[end];
        if (b == '\n') {
          break;
        }
        if (b == 0) {
          throw new InvalidInputException(
              Problem.ENCODING,
              file
                  + ":"
                  + lineNumber
                  + ":"
                  + (skipping ? maxLineBytes : length + end - start + 1)
                  + ": NUL byte: not UTF-8 text (binary data, or UTF-16 without a byte-order mark)",
              List.of(),
              null);
        }
        bits |= b;
        end++;
      }
      if (!skipping) {
        int chunk = end - start;
        if ((long) length + chunk > maxLineBytes) {
          skipping = true;
          length = 0;
        } else {
          append(start, chunk);
        }
      }
      position = end;
      if (end < limit) {
        position++;
        if (skipping) {
          length = -1;
        } else if (length > 0 && line[length - 1] == '\r') {
          length--;
        }
        ascii = bits >= 0;
        return true;
      }
    }
  }

  private void append(int from, int count) {
    if (length + count > line.length) {
      line = Arrays.copyOf(line, Math.max(length + count, Math.min(maxLineBytes, line.length * 2)));
    }
    System.arraycopy(buffer, from, line, length, count);
    length += count;
  }

  private boolean fill() {
    try {
      int n = in.read(buffer, 0, buffer.length);
      while (n == 0) {
        n = in.read(buffer, 0, buffer.length);
      }
      if (n < 0) {
        return false;
      }
      position = 0;
      limit = n;
      if (!started) {
        started = true;
        skipByteOrderMark();
      }
      return true;
    } catch (InvalidInputException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidInputException(
          Problem.OTHER,
          file + ":" + lineNumber + ": cannot read: " + e.getMessage(),
          List.of(),
          e);
    }
  }

  private void skipByteOrderMark() throws IOException {
    while (limit < 3) {
      int n = in.read(buffer, limit, buffer.length - limit);
      if (n < 0) {
        break;
      }
      limit += n;
    }
    if (limit >= 3
        && (buffer[0] & 0xff) == 0xef
        && (buffer[1] & 0xff) == 0xbb
        && (buffer[2] & 0xff) == 0xbf) {
      position = 3;
    } else if (limit >= 2
        && ((buffer[0] & 0xff) == 0xff && (buffer[1] & 0xff) == 0xfe
            || (buffer[0] & 0xff) == 0xfe && (buffer[1] & 0xff) == 0xff)) {
      throw new InvalidInputException(
          Problem.ENCODING,
          file
              + ":1:1: UTF-16 byte-order mark: the file is "
              + "UTF-16 text; datasets are read as UTF-8",
          List.of("UTF-8"),
          null);
    }
  }

  private String decode() {
    boolean ascii = true;
    for (int i = 0; i < length; i++) {
      if (line[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
    ByteBuffer bytes = ByteBuffer.wrap(line, 0, length);
    CharBuffer chars = CharBuffer.allocate(length);
    decoder.reset();
    CoderResult result = decoder.decode(bytes, chars, true);
    if (!result.isError()) {
      result = decoder.flush(chars);
    }
    if (result.isError()) {
      throw new InvalidInputException(
          Problem.ENCODING,
          file
              + ":"
              + lineNumber
              + ":"
              + (bytes.position() + 1)
              + ": invalid UTF-8 byte 0x"
              + Integer.toHexString(line[Math.min(bytes.position(), length - 1)] & 0xff)
              + " (datasets are read as UTF-8; Latin-1 or binary data?)",
          List.of("UTF-8"),
          null);
    }
    chars.flip();
    return chars.toString();
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException ignored) {
      // nothing was written; a failed close of an input stream loses nothing
    }
  }
}
