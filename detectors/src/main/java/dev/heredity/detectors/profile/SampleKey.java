package dev.heredity.detectors.profile;

/**
 * The sampling rule shared by the local readers and the cluster job, so both choose the same
 * records for the same seed: each record gets a pseudo-random key from (seed, its 1-based record
 * number in the dataset, counted over all files in sorted order), and the sample is the {@code n}
 * records with the smallest keys (ties broken by record number). Every subset of size {@code n} is
 * equally likely, the choice needs one pass and a heap of {@code n}, and it depends neither on how
 * the records are split into files or partitions nor on the order they are seen in.
 */
public final class SampleKey {
  /** The name recorded in {@link SampleInfo#method()}. */
  public static final String METHOD = "bottom-k splitmix64(seed, record number)";

  private SampleKey() {}

  public static long of(long seed, long recordNumber) {
    return mix(mix(seed) ^ recordNumber);
  }

  /** Orders records by key, then record number: a total order, so the sample is unique. */
  public static int compare(long keyA, long numberA, long keyB, long numberB) {
    int c = Long.compareUnsigned(keyA, keyB);
    return c != 0 ? c : Long.compare(numberA, numberB);
  }

  /** SplitMix64's finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
