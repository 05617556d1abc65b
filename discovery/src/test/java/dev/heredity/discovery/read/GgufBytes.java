package dev.heredity.discovery.read;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds GGUF headers for tests, in the layout of the GGUF spec (little- or big-endian). */
public final class GgufBytes {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteOrder order;

  public GgufBytes(ByteOrder order) {
    this.order = order;
  }

  public static GgufBytes header(int version, long tensors, long kvCount) {
    return header(ByteOrder.LITTLE_ENDIAN, version, tensors, kvCount);
  }

  public static GgufBytes header(ByteOrder order, int version, long tensors, long kvCount) {
    GgufBytes b = new GgufBytes(order);
    b.out.writeBytes("GGUF".getBytes(StandardCharsets.US_ASCII));
    return b.u32(version).u64(tensors).u64(kvCount);
  }

  public GgufBytes u32(int v) {
    out.writeBytes(ByteBuffer.allocate(4).order(order).putInt(v).array());
    return this;
  }

  public GgufBytes u64(long v) {
    out.writeBytes(ByteBuffer.allocate(8).order(order).putLong(v).array());
    return this;
  }

  public GgufBytes str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    u64(b.length);
    out.writeBytes(b);
    return this;
  }

  public GgufBytes kv(String key, String value) {
    return str(key).u32(8).str(value);
  }

  public GgufBytes kv(String key, int value) {
    return str(key).u32(4).u32(value);
  }

  public GgufBytes kvStrings(String key, String... values) {
    str(key).u32(9).u32(8).u64(values.length);
    for (String v : values) {
      str(v);
    }
    return this;
  }

  public byte[] bytes() {
    return out.toByteArray();
  }
}
