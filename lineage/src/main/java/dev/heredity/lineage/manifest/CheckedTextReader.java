package dev.heredity.lineage.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a manifest's bytes as UTF-8 for the parser, and stops at the first thing a manifest may
 * not hold with its line and column: a byte sequence that is not UTF-8, a control character
 * (anything below U+0020 but tab, line feed and carriage return; DEL; C1 controls), more bytes than
 * {@code limit}, or a line longer than {@code maxLine} chars. Checking here keeps the positions
 * right (the parsers report such errors at 1:1) and bounds the input before the YAML scanner sees
 * it: SnakeYAML copies its look-ahead window for every 1,024 chars of one unbroken run, so its time
 * grows with the square of the longest line. A leading byte-order mark is skipped.
 */
final class CheckedTextReader extends Reader {
  /** A problem found while decoding, at a 1-based line and column of the text. */
  static final class TextProblem extends IOException {
    private static final long serialVersionUID = 1L;
    final int line;
    final int column;

    TextProblem(int line, int column, String message) {
      super(message);
      this.line = line;
      this.column = column;
    }
  }

  private final InputStream in;
  private final long limit;
  private final int maxLine;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
  private final CharBuffer chars = CharBuffer.allocate(1 << 16).flip();
  private long total;
  private boolean eof;
  private boolean flushed;
  private boolean started;
  private int line = 1;
  private int column = 1;
  private boolean afterCr;

  CheckedTextReader(InputStream in, long limit, int maxLine) {
    this.in = in;
    this.limit = limit;
    this.maxLine = maxLine;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (!fill()) {
        return -1;
      }
    }
    int n = Math.min(length, chars.remaining());
    chars.get(buffer, offset, n);
    return n;
  }

  private boolean fill() throws IOException {
    if (flushed) {
      return false;
    }
    chars.clear();
    while (chars.position() == 0) {
      CoderResult result = decoder.decode(bytes, chars, eof);
      if (result.isError()) {
        chars.flip();
        scan();
        throw new TextProblem(
            line,
            column,
            String.format(
                "invalid UTF-8 byte 0x%02X (a manifest must be UTF-8 text)",
                bytes.get(bytes.position()) & 0xff));
      }
      if (result.isOverflow()) {
        break;
      }
      if (eof) {
        decoder.flush(chars);
        flushed = true;
        break;
      }
      readMore();
    }
    chars.flip();
    scan();
    return chars.hasRemaining();
  }

  private void readMore() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      eof = true;
    } else {
      bytes.position(bytes.position() + n);
      total += n;
      if (total > limit) {
        throw new TextProblem(
            line,
            column,
            "the manifest is larger than " + limit + " bytes, the limit for this format");
      }
    }
    bytes.flip();
  }

  /** Tracks line and column over the decoded chars and rejects control characters. */
  private void scan() throws TextProblem {
    if (!started && chars.hasRemaining()) {
      started = true;
      if (chars.get(chars.position()) == '\uFEFF') {
        chars.position(chars.position() + 1);
      }
    }
    for (int i = chars.position(); i < chars.limit(); i++) {
      char c = chars.get(i);
      if (c == '\n') {
        if (!afterCr) {
          line++;
        }
        column = 1;
        afterCr = false;
        continue;
      }
      afterCr = c == '\r';
      if (afterCr) {
        line++;
        column = 1;
        continue;
      }
      if ((c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f && c != 0x85)) {
        throw new TextProblem(
            line,
            column,
            String.format(
                "control character U+%04X is not allowed in a manifest"
                    + " (write it as an escape inside a quoted string)",
                (int) c));
      }
      if (!Character.isLowSurrogate(c)) {
        column++;
        if (column > maxLine) {
          throw new TextProblem(
              line,
              column,
              "line "
                  + line
                  + " is longer than "
                  + maxLine
                  + " characters, the limit for a line of this format");
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
