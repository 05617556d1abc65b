package dev.heredity.detectors.profile;

/**
 * The sampling rule shared by the cluster job and local readers, so both choose the same records
 * for the same seed whatever the partitioning: each record gets a pseudo-random key from (seed,
 * file index, position in the file), and the sample is the {@code n} records with the smallest keys
 * (ties broken by file, then position). Every subset of size {@code n} is equally likely, and the
 * choice needs one pass and a heap of {@code n}.
 */
public final class SampleKey {
  /** The name recorded in {@link SampleInfo#method()}. */
  public static final String METHOD = "bottom-k splitmix64(seed, file, position)";

  private SampleKey() {}

  public static long of(long seed, int fileIndex, long position) {
    long h = mix(seed);
    h = mix(h ^ (fileIndex * 0x9E3779B97F4A7C15L));
    return mix(h ^ position);
  }

  /** Orders records by key, then file, then position: a total order, so the sample is unique. */
  public static int compare(
      long keyA, int fileA, long positionA, long keyB, int fileB, long positionB) {
    int c = Long.compareUnsigned(keyA, keyB);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(fileA, fileB);
    return c != 0 ? c : Long.compare(positionA, positionB);
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
