package dev.heredity.detectors.suite;

/**
 * Buckets 0-99, 100-199, ..., 900-999, and one for anything else (not a number, or 1000 and above).
 */
final class HundredsBucket {
  static final int BUCKETS = 11;

  private HundredsBucket() {}

  static long bucket(long value) {
    return value < 0 || value > 999 ? BUCKETS - 1 : value / 100;
  }

  static String name(long bucket) {
    return bucket == BUCKETS - 1 ? "other" : bucket * 100 + "-" + (bucket * 100 + 99);
  }
}
