package dev.heredity.interop.imports;

import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.SourceLocation;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a file line by line, decoding each line strictly, so bad bytes and overlong lines are named
 * by line.
 */
final class Utf8Lines implements AutoCloseable {
  private final Path file;
  private final int maxBytes;
  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int line;

  Utf8Lines(Path file, int maxBytes) throws IOException {
    this.file = file;
    this.maxBytes = maxBytes;
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
  }

  /** The 1-based number of the line last returned. */
  int line() {
    return line;
  }

  /** The next line without its terminator, or null at the end. */
  String next() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int b = in.read();
    if (b < 0) {
      return null;
    }
    line++;
    while (b >= 0 && b != '\n') {
      if (bytes.size() >= maxBytes) {
        throw new InvalidManifestException(
            new SourceLocation(file, line, 1).format("line longer than " + maxBytes + " bytes"));
      }
      bytes.write(b);
      b = in.read();
    }
    byte[] raw = bytes.toByteArray();
    int length = raw.length > 0 && raw[raw.length - 1] == '\r' ? raw.length - 1 : raw.length;
    try {
      return decoder.decode(ByteBuffer.wrap(raw, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new InvalidManifestException(
          new SourceLocation(file, line, 1).format("not UTF-8 text"));
    }
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
