package dev.heredity.detectors.features;

import java.util.Arrays;

/** A growable primitive int list. */
public final class IntArray {
  private int[] values = new int[1024];
  private int size;

  public void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, values.length * 2);
    }
    values[size++] = value;
  }

  public int size() {
    return size;
  }

  public int get(int index) {
    return values[index];
  }

  public int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
