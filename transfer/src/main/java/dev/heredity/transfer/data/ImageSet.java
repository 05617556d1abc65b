package dev.heredity.transfer.data;

import dev.heredity.transfer.engine.InputRows;
import java.util.Arrays;

/**
 * Labelled grey-level images kept as bytes (a quarter of the float size) and scaled to [-1, 1] when
 * copied into a batch.
 */
public record ImageSet(byte[] pixels, byte[] labels, int count, int width) implements InputRows {
  private static final float SCALE = 2f / 255f;

  public ImageSet {
    if ((long) count * width != pixels.length || labels.length != count) {
      throw new IllegalArgumentException("inconsistent image set: " + count + " x " + width);
    }
  }

  @Override
  public void copyRow(int index, float[] dst, int offset) {
    int src = index * width;
    for (int j = 0; j < width; j++) {
      dst[offset + j] = (pixels[src + j] & 0xff) * SCALE - 1f;
    }
  }

  /** Rows {@code [from, to)} as a new set. */
  public ImageSet slice(int from, int to) {
    byte[] p = Arrays.copyOfRange(pixels, from * width, to * width);
    byte[] l = Arrays.copyOfRange(labels, from, to);
    return new ImageSet(p, l, to - from, width);
  }
}
