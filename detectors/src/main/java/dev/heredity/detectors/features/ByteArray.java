package dev.heredity.detectors.features;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable primitive byte list (records' raw texts as UTF-8, one after another). */
final class ByteArray {
  private byte[] values = new byte[4096];
  private int size;

  void addUtf8(String text) {
    if (text != null) {
      byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
      add(bytes, bytes.length);
    }
  }

  void addAll(ByteArray other) {
    add(other.values, other.size);
  }

  private void add(byte[] bytes, int n) {
    if (size + n > values.length) {
      values = Arrays.copyOf(values, Math.max(size + n, values.length * 2));
    }
    System.arraycopy(bytes, 0, values, size, n);
    size += n;
  }

  int size() {
    return size;
  }

  byte[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
