package dev.heredity.weights.safetensors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.weights.InvalidWeightsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One safetensors file: an 8-byte little-endian header length, a JSON header naming each tensor's
 * dtype, shape and {@code data_offsets}, then the raw little-endian data. Every header field is
 * checked against the file size when the file is opened; tensor data is read through memory-mapped
 * windows of at most {@link #WINDOW_BYTES}, so a checkpoint is never loaded into the heap as a
 * whole.
 */
public final class SafetensorsFile implements AutoCloseable {
  /**
   * The reference implementation refuses headers above 100 MB; so do we (a corrupt length is
   * usually huge).
   */
  public static final long MAX_HEADER_BYTES = 100_000_000L;

  static final long WINDOW_BYTES = 1L << 30;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;
  private final FileChannel channel;
  private final long dataStart;
  private final Map<String, TensorInfo> tensors;
  private final Map<String, String> metadata;

  private SafetensorsFile(
      Path file,
      FileChannel channel,
      long dataStart,
      Map<String, TensorInfo> tensors,
      Map<String, String> metadata) {
    this.file = file;
    this.channel = channel;
    this.dataStart = dataStart;
    this.tensors = Collections.unmodifiableMap(tensors);
    this.metadata = Collections.unmodifiableMap(metadata);
  }

  /**
   * Opens and validates the header; a defect is an {@link InvalidWeightsException} naming the
   * field.
   */
  public static SafetensorsFile open(Path file) {
    requireRegularFile(file);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      SafetensorsFile opened = parse(file, channel);
      channel = null;
      return opened;
    } finally {
      if (channel != null) {
        closeQuietly(channel);
      }
    }
  }

  /**
   * Refuses a folder, FIFO, device or socket before opening it: opening a FIFO waits for a writer
   * that may never come, and a device can be endless. A missing file is left to the open.
   */
  public static void requireRegularFile(Path file) {
    if (Files.isRegularFile(file) || !Files.exists(file)) {
      return;
    }
    throw new InvalidWeightsException(
        file,
        "file",
        Files.isDirectory(file)
            ? "a folder, not a weights file"
            : "not a regular file (a FIFO, socket or device)");
  }

  private static SafetensorsFile parse(Path file, FileChannel channel) {
    try {
      long size = channel.size();
      if (size < 8) {
        throw new InvalidWeightsException(
            file,
            "header length",
            "the file has " + size + " bytes, fewer than the 8-byte header length");
      }
      ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(channel, lengthBytes, 0);
      long headerLength = lengthBytes.flip().getLong();
      if (headerLength < 0 || headerLength > size - 8) {
        throw new InvalidWeightsException(
            file,
            "header length",
            Long.toUnsignedString(headerLength)
                + " bytes, past the end of the "
                + size
                + "-byte file");
      }
      if (headerLength > MAX_HEADER_BYTES) {
        throw new InvalidWeightsException(
            file,
            "header length",
            headerLength + " bytes, above the " + MAX_HEADER_BYTES + "-byte limit");
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLength);
      readFully(channel, header, 8);
      JsonNode root;
      try {
        root = JSON.readTree(header.array());
      } catch (JsonProcessingException e) {
        long at = e.getLocation() == null ? 8 : 8 + Math.max(0, e.getLocation().getByteOffset());
        throw new InvalidWeightsException(
            file, "header byte " + at, "not valid JSON: " + e.getOriginalMessage());
      }
      if (root == null || !root.isObject()) {
        throw new InvalidWeightsException(file, "header", "not a JSON object");
      }
      long dataStart = 8 + headerLength;
      long dataSize = size - dataStart;
      Map<String, String> metadata = new LinkedHashMap<>();
      Map<String, TensorInfo> tensors = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (e.getKey().equals("__metadata__")) {
          metadata.putAll(metadata(file, e.getValue()));
        } else {
          tensors.put(e.getKey(), tensor(file, e.getKey(), e.getValue(), dataSize));
        }
      }
      checkNoOverlap(file, tensors.values());
      return new SafetensorsFile(file, channel, dataStart, tensors, metadata);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> metadata(Path file, JsonNode node) {
    if (!node.isObject()) {
      throw new InvalidWeightsException(file, "__metadata__", "not a JSON object");
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.fields()
        .forEachRemaining(
            e -> {
              if (!e.getValue().isTextual()) {
                throw new InvalidWeightsException(
                    file, "__metadata__." + e.getKey(), "not a string");
              }
              out.put(e.getKey(), e.getValue().asText());
            });
    return out;
  }

  private static TensorInfo tensor(Path file, String name, JsonNode node, long dataSize) {
    String at = "tensor \"" + name + "\"";
    if (!node.isObject()) {
      throw new InvalidWeightsException(file, at, "not a JSON object");
    }
    JsonNode dtypeNode = node.get("dtype");
    if (dtypeNode == null || !dtypeNode.isTextual()) {
      throw new InvalidWeightsException(file, at + " dtype", "missing or not a string");
    }
    Dtype dtype =
        Dtype.parse(dtypeNode.asText())
            .orElseThrow(
                () ->
                    new InvalidWeightsException(
                        file, at + " dtype", "unknown dtype \"" + dtypeNode.asText() + "\""));
    JsonNode shapeNode = node.get("shape");
    if (shapeNode == null || !shapeNode.isArray()) {
      throw new InvalidWeightsException(file, at + " shape", "missing or not an array");
    }
    long[] shape = new long[shapeNode.size()];
    long elements = 1;
    for (int i = 0; i < shape.length; i++) {
      JsonNode d = shapeNode.get(i);
      if (!d.isIntegralNumber() || !d.canConvertToLong() || d.asLong() < 0) {
        throw new InvalidWeightsException(
            file, at + " shape", "dimension " + i + " is not a non-negative integer: " + d);
      }
      shape[i] = d.asLong();
      elements = saturatingMultiply(elements, shape[i]);
    }
    long needed = saturatingMultiply(elements, dtype.bytes());
    if (needed > dataSize) {
      throw new InvalidWeightsException(
          file,
          at + " shape",
          shapeNode
              + " of "
              + dtype
              + " needs "
              + (needed == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(needed))
              + " bytes, the data section has "
              + dataSize);
    }
    JsonNode offsets = node.get("data_offsets");
    if (offsets == null
        || !offsets.isArray()
        || offsets.size() != 2
        || !offsets.get(0).isIntegralNumber()
        || !offsets.get(1).isIntegralNumber()
        || !offsets.get(0).canConvertToLong()
        || !offsets.get(1).canConvertToLong()) {
      throw new InvalidWeightsException(
          file, at + " data_offsets", "not an array of two integers: " + offsets);
    }
    long begin = offsets.get(0).asLong();
    long end = offsets.get(1).asLong();
    if (begin < 0 || end < begin || end > dataSize) {
      throw new InvalidWeightsException(
          file,
          at + " data_offsets",
          offsets + " out of range: the data section has " + dataSize + " bytes");
    }
    if (end - begin != needed) {
      throw new InvalidWeightsException(
          file,
          at + " data_offsets",
          offsets
              + " hold "
              + (end - begin)
              + " bytes, shape "
              + shapeNode
              + " of "
              + dtype
              + " needs "
              + needed);
    }
    return new TensorInfo(name, dtype, shape, begin, end);
  }

  private static void checkNoOverlap(Path file, Iterable<TensorInfo> tensors) {
    List<TensorInfo> sorted = new ArrayList<>();
    tensors.forEach(sorted::add);
    sorted.sort(Comparator.comparingLong(TensorInfo::begin).thenComparingLong(TensorInfo::end));
    TensorInfo previous = null;
    for (TensorInfo t : sorted) {
      if (previous != null && t.begin() < previous.end() && t.end() > t.begin()) {
        throw new InvalidWeightsException(
            file,
            "tensor \"" + t.name() + "\" data_offsets",
            "["
                + t.begin()
                + ", "
                + t.end()
                + "] overlaps tensor \""
                + previous.name()
                + "\" ["
                + previous.begin()
                + ", "
                + previous.end()
                + "]");
      }
      if (previous == null || t.end() > previous.end()) {
        previous = t;
      }
    }
  }

  private static long saturatingMultiply(long a, long b) {
    long high = Math.multiplyHigh(a, b);
    long product = a * b;
    return high != 0 || product < 0 ? Long.MAX_VALUE : product;
  }

  public Path file() {
    return file;
  }

  /** Tensors in header order. */
  public Map<String, TensorInfo> tensors() {
    return tensors;
  }

  public Map<String, String> metadata() {
    return metadata;
  }

  /**
   * Reads elements {@code [fromElement, fromElement + dst.length)} of a floating tensor (row-major)
   * as floats, through mapped windows.
   */
  public void readFloats(TensorInfo t, long fromElement, float[] dst) {
    if (!t.dtype().readableAsFloat()) {
      throw new InvalidWeightsException(
          file, "tensor \"" + t.name() + "\" dtype", t.dtype() + " is not a floating type");
    }
    int size = t.dtype().bytes();
    long elementsPerWindow = WINDOW_BYTES / size;
    int done = 0;
    try {
      while (done < dst.length) {
        int count = (int) Math.min(dst.length - done, elementsPerWindow);
        long position = dataStart + t.begin() + (fromElement + done) * size;
        MappedByteBuffer window =
            channel.map(FileChannel.MapMode.READ_ONLY, position, (long) count * size);
        window.order(ByteOrder.LITTLE_ENDIAN);
        FloatDecoding.decode(t.dtype(), window, dst, done, count);
        done += count;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      at += n;
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // read-only channel: nothing to flush
    }
  }
}
