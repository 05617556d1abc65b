package dev.heredity.weights.safetensors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a safetensors file (tests, the sample tool and the benchmark generator make checkpoints
 * with it). Data is streamed tensor by tensor from a {@link Filler}, so multi-GB files need no
 * heap; the file is written beside the target and moved into place, so a reader never sees half a
 * file.
 */
public final class SafetensorsWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int CHUNK = 1 << 16;

  /** Produces a tensor's elements (row-major) {@code [fromElement, fromElement + chunk.length)}. */
  @FunctionalInterface
  public interface Filler {
    void fill(long fromElement, float[] chunk);
  }

  /** One tensor to write: its values come from {@code filler}. */
  public record Entry(String name, Dtype dtype, long[] shape, Filler filler) {
    public Entry {
      shape = shape.clone();
    }

    /** A tensor held in memory. */
    public static Entry of(String name, Dtype dtype, long[] shape, float[] values) {
      return new Entry(
          name,
          dtype,
          shape,
          (from, chunk) -> System.arraycopy(values, (int) from, chunk, 0, chunk.length));
    }

    long elements() {
      long n = 1;
      for (long d : shape) {
        n = Math.multiplyExact(n, d);
      }
      return n;
    }
  }

  private SafetensorsWriter() {}

  public static void write(Path file, List<Entry> entries, Map<String, String> metadata) {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    long offset = 0;
    List<Long> sizes = new ArrayList<>();
    for (Entry e : entries) {
      if (!e.dtype().readableAsFloat()) {
        throw new IllegalArgumentException(
            e.name() + ": cannot write " + e.dtype() + " from floats");
      }
      long bytes = Math.multiplyExact(e.elements(), e.dtype().bytes());
      ObjectNode t = header.putObject(e.name());
      t.put("dtype", e.dtype().name());
      ArrayNode shape = t.putArray("shape");
      for (long d : e.shape()) {
        shape.add(d);
      }
      ArrayNode offsets = t.putArray("data_offsets");
      offsets.add(offset);
      offsets.add(offset + bytes);
      offset += bytes;
      sizes.add(bytes);
    }
    byte[] json;
    try {
      json = JSON.writeValueAsString(header).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int padded = (json.length + 7) / 8 * 8;
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (OutputStream out = Files.newOutputStream(tmp)) {
      ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(padded);
      out.write(length.array());
      out.write(json);
      for (int i = json.length; i < padded; i++) {
        out.write(' ');
      }
      for (Entry e : entries) {
        writeData(out, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeData(OutputStream out, Entry e) throws IOException {
    long total = e.elements();
    int size = e.dtype().bytes();
    float[] chunk = new float[(int) Math.min(CHUNK, Math.max(1, total))];
    ByteBuffer bytes = ByteBuffer.allocate(chunk.length * size).order(ByteOrder.LITTLE_ENDIAN);
    for (long from = 0; from < total; from += chunk.length) {
      int n = (int) Math.min(chunk.length, total - from);
      float[] values = n == chunk.length ? chunk : new float[n];
      e.filler().fill(from, values);
      bytes.clear();
      for (int i = 0; i < n; i++) {
        switch (e.dtype()) {
          case F32 -> bytes.putFloat(values[i]);
          case F64 -> bytes.putDouble(values[i]);
          case BF16 -> bytes.putShort(FloatDecoding.floatToBf16(values[i]));
          case F16 -> bytes.putShort(FloatDecoding.floatToHalf(values[i]));
          default -> throw new IllegalStateException();
        }
      }
      out.write(bytes.array(), 0, n * size);
    }
  }
}
