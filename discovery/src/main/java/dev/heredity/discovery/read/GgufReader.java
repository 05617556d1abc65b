package dev.heredity.discovery.read;

import dev.heredity.discovery.Warnings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the key/value metadata of a GGUF file (versions 2 and 3, either byte order) and stops
 * before the tensor descriptions: header {@code GGUF}, u32 version, u64 tensor count, u64 key/value
 * count, then per pair a string key, a u32 value type and the value (strings are a u64 length and
 * UTF-8 bytes; arrays are a u32 element type, a u64 count and the elements). Every count and length
 * is checked against the bytes left in the file before it is used, so a truncated or hostile file
 * gives one warning with the offset, never an exception or a huge allocation.
 */
public final class GgufReader {
  /** Array items kept in memory per key; the rest are skipped (their count is kept). */
  public static final int KEPT_ARRAY_ITEMS = 64;

  private static final int MAX_KEY_BYTES = 65_536;
  private static final int BUFFER = 1 << 16;

  private final Path file;
  private final long limit;
  private final Warnings warnings;

  private FileChannel channel;
  private long size;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
  private long bufferStart;

  private GgufReader(Path file, long limit, Warnings warnings) {
    this.file = file;
    this.limit = limit;
    this.warnings = warnings;
  }

  /** The header, or empty after recording one warning. */
  public static Optional<GgufHeader> read(Path file, long maxHeaderBytes, Warnings warnings) {
    return new GgufReader(file, maxHeaderBytes, warnings).run();
  }

  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final String code;
    final long offset;

    Malformed(String code, long offset, String message) {
      super(message, null, false, false);
      this.code = code;
      this.offset = offset;
    }
  }

  private Optional<GgufHeader> run() {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      channel = ch;
      size = ch.size();
      buffer.limit(0);
      bufferStart = 0;
      return Optional.of(header());
    } catch (Malformed e) {
      warnings.add(e.code, file, "offset " + e.offset, e.getMessage());
    } catch (IOException e) {
      warnings.add("unreadable-file", file, "", "cannot read: " + e.getClass().getSimpleName());
    }
    return Optional.empty();
  }

  private GgufHeader header() throws IOException, Malformed {
    require(4, "a GGUF header");
    byte[] magic = new byte[4];
    buffer.get(magic);
    if (magic[0] != 'G' || magic[1] != 'G' || magic[2] != 'U' || magic[3] != 'F') {
      throw new Malformed(
          "gguf-bad-magic", 0, "not a GGUF file (the first 4 bytes are not 'GGUF')");
    }
    buffer.order(ByteOrder.LITTLE_ENDIAN);
    require(4, "the version");
    int little = buffer.getInt(buffer.position());
    boolean bigEndian = false;
    if (little != 2
        && little != 3
        && Integer.reverseBytes(little) >= 2
        && Integer.reverseBytes(little) <= 3) {
      bigEndian = true;
      buffer.order(ByteOrder.BIG_ENDIAN);
    }
    int version = buffer.getInt();
    if (version != 2 && version != 3) {
      throw new Malformed(
          "gguf-version",
          4,
          "GGUF version "
              + Integer.toUnsignedString(version)
              + " is not supported (versions 2 and 3 are)");
    }
    long tensors = u64("the tensor count");
    long kvCount = u64("the key/value count");
    // Each pair takes at least 8 (key length) + 4 (type) + 1 (value) bytes.
    if (kvCount < 0 || kvCount > (size - position()) / 13) {
      throw new Malformed(
          "gguf-count",
          16,
          "key/value count "
              + Long.toUnsignedString(kvCount)
              + " cannot fit in the "
              + (size - position())
              + " bytes left");
    }
    Map<String, Object> metadata = new LinkedHashMap<>();
    Map<String, Long> lengths = new LinkedHashMap<>();
    for (long i = 0; i < kvCount; i++) {
      long at = position();
      if (at > limit) {
        throw new Malformed(
            "gguf-header-too-large",
            at,
            "metadata goes past the " + limit + "-byte limit for GGUF headers; not read");
      }
      String key = string("key " + i, MAX_KEY_BYTES);
      int type = u32("the type of '" + key + "'");
      if (type == 9) {
        int itemType = u32("the item type of '" + key + "'");
        long count = u64("the length of '" + key + "'");
        long minItem = minSize(itemType, key);
        if (count < 0 || (minItem > 0 && count > (size - position()) / minItem)) {
          throw new Malformed(
              "gguf-length",
              position() - 8,
              "array '"
                  + key
                  + "' claims "
                  + Long.toUnsignedString(count)
                  + " items; only "
                  + (size - position())
                  + " bytes are left");
        }
        List<Object> items = new ArrayList<>();
        for (long j = 0; j < count; j++) {
          Object item = value(itemType, key);
          if (j < KEPT_ARRAY_ITEMS) {
            items.add(item);
          }
        }
        metadata.put(key, List.copyOf(items));
        lengths.put(key, count);
      } else {
        metadata.put(key, value(type, key));
      }
    }
    return new GgufHeader(version, tensors, kvCount, bigEndian, metadata, lengths);
  }

  private long minSize(int type, String key) throws Malformed {
    return switch (type) {
      case 0, 1, 7 -> 1;
      case 2, 3 -> 2;
      case 4, 5, 6 -> 4;
      case 8, 10, 11, 12 -> 8;
      case 9 -> 12;
      default ->
          throw new Malformed(
              "gguf-type", position() - 12, "unknown value type " + type + " in '" + key + "'");
    };
  }

  private Object value(int type, String key) throws IOException, Malformed {
    String what = "the value of '" + key + "'";
    return switch (type) {
      case 0 -> {
        require(1, what);
        yield buffer.get() & 0xFF;
      }
      case 1 -> {
        require(1, what);
        yield (int) buffer.get();
      }
      case 2 -> {
        require(2, what);
        yield buffer.getShort() & 0xFFFF;
      }
      case 3 -> {
        require(2, what);
        yield (int) buffer.getShort();
      }
      case 4 -> {
        require(4, what);
        yield buffer.getInt() & 0xFFFFFFFFL;
      }
      case 5 -> {
        require(4, what);
        yield buffer.getInt();
      }
      case 6 -> {
        require(4, what);
        yield (double) buffer.getFloat();
      }
      case 7 -> {
        require(1, what);
        yield buffer.get() != 0;
      }
      case 8 -> string(what, Integer.MAX_VALUE);
      case 10 -> {
        require(8, what);
        yield buffer.getLong();
      }
      case 11 -> {
        require(8, what);
        yield buffer.getLong();
      }
      case 12 -> {
        require(8, what);
        yield buffer.getDouble();
      }
      case 9 -> {
        // Nested arrays: skip them, they carry no lineage.
        int itemType = u32(what);
        long count = u64(what);
        long minItem = minSize(itemType, key);
        if (count < 0 || (minItem > 0 && count > (size - position()) / minItem)) {
          throw new Malformed(
              "gguf-length",
              position() - 8,
              "nested array in '"
                  + key
                  + "' claims "
                  + Long.toUnsignedString(count)
                  + " items; only "
                  + (size - position())
                  + " bytes are left");
        }
        for (long j = 0; j < count; j++) {
          value(itemType, key);
        }
        yield List.of();
      }
      default ->
          throw new Malformed(
              "gguf-type", position() - 4, "unknown value type " + type + " in '" + key + "'");
    };
  }

  private String string(String what, int maxBytes) throws IOException, Malformed {
    long length = u64("the length of " + what);
    long left = size - position();
    if (length < 0 || length > left) {
      throw new Malformed(
          "gguf-truncated",
          position() - 8,
          "the length of "
              + what
              + " is "
              + Long.toUnsignedString(length)
              + " bytes; only "
              + left
              + " bytes are left in the file");
    }
    if (length > maxBytes) {
      throw new Malformed(
          "gguf-length",
          position() - 8,
          what + " is " + length + " bytes long (limit " + maxBytes + ")");
    }
    byte[] bytes = new byte[(int) Math.min(length, Integer.MAX_VALUE - 8)];
    int done = 0;
    while (done < bytes.length) {
      require(1, what);
      int n = Math.min(buffer.remaining(), bytes.length - done);
      buffer.get(bytes, done, n);
      done += n;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private int u32(String what) throws IOException, Malformed {
    require(4, what);
    return buffer.getInt();
  }

  private long u64(String what) throws IOException, Malformed {
    require(8, what);
    return buffer.getLong();
  }

  private long position() {
    return bufferStart + buffer.position();
  }

  /**
   * Makes {@code n} bytes (n <= buffer size) available, or fails with the offset where the file
   * ends.
   */
  private void require(int n, String what) throws IOException, Malformed {
    if (buffer.remaining() >= n) {
      return;
    }
    long at = position();
    if (at + n > size) {
      throw new Malformed(
          "gguf-truncated", at, "file ends at byte " + size + " while reading " + what);
    }
    buffer.compact();
    while (buffer.position() < n) {
      if (channel.read(buffer, at + buffer.position()) <= 0) {
        break;
      }
    }
    buffer.flip();
    bufferStart = at;
    if (buffer.remaining() < n) {
      throw new Malformed(
          "gguf-truncated", at, "file ends at byte " + size + " while reading " + what);
    }
  }
}
