package dev.heredity.spark;

import dev.heredity.detectors.profile.SampleKey;
import java.io.Serializable;
import java.util.Comparator;

/** A sample candidate: its key under {@link SampleKey}, its record number and its raw text. */
record Sampled(long key, long number, String raw) implements Serializable {
  static final Comparator<Sampled> BY_KEY = new ByKey();
  static final Comparator<Sampled> IN_FILE_ORDER = Comparator.comparingLong(Sampled::number);

  /**
   * Serializable, since the tally's heap (which holds it) travels between executors and the driver.
   */
  static final class ByKey implements Comparator<Sampled>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Sampled a, Sampled b) {
      return SampleKey.compare(a.key, a.number, b.key, b.number);
    }
  }

  /** The reverse, for the max-heap of the candidates kept. */
  static final class ByKeyDescending implements Comparator<Sampled>, Serializable {
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(Sampled a, Sampled b) {
      return BY_KEY.compare(b, a);
    }
  }
}
