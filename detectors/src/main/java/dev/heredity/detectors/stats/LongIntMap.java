package dev.heredity.detectors.stats;

import java.util.Arrays;

/** Open-addressing map from non-negative long keys to int values, without boxing. */
public final class LongIntMap {
  private static final long EMPTY = -1L;
  private long[] keys;
  private int[] values;
  private int size;

  public LongIntMap() {
    keys = new long[1024];
    values = new int[1024];
    Arrays.fill(keys, EMPTY);
  }

  public void add(long key, int delta) {
    int slot = slot(key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      size++;
      if (size * 2 > keys.length) {
        values[slot] = delta;
        grow();
        return;
      }
    }
    values[slot] += delta;
  }

  public void put(long key, int value) {
    int slot = slot(key);
    if (keys[slot] == EMPTY) {
      keys[slot] = key;
      size++;
      values[slot] = value;
      if (size * 2 > keys.length) {
        grow();
      }
      return;
    }
    values[slot] = value;
  }

  /** The value, or {@code missing} when absent. */
  public int get(long key, int missing) {
    int slot = slot(key);
    return keys[slot] == EMPTY ? missing : values[slot];
  }

  public int size() {
    return size;
  }

  /** Keys in ascending order. */
  public long[] sortedKeys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != EMPTY) {
        out[n++] = k;
      }
    }
    Arrays.sort(out);
    return out;
  }

  private int slot(long key) {
    int mask = keys.length - 1;
    int slot = (int) (mix(key) & mask);
    while (keys[slot] != EMPTY && keys[slot] != key) {
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        int slot = slot(oldKeys[i]);
        keys[slot] = oldKeys[i];
        values[slot] = oldValues[i];
      }
    }
  }
}
