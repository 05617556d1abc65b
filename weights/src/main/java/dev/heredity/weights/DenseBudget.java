package dev.heredity.weights;

/**
 * The most bytes a layer's dense cosine matrix may take; a larger one is streamed ({@link
 * StreamedCosines}: the same cosines, recomputed a block of rows at a time).
 *
 * <p>By default a third of the maximum heap: the rest holds the unit vectors, the chunks of tensor
 * being read, the solver and the garbage of the previous view (a 7B model's 485 MB matrix stays
 * dense under {@code -Xmx2g}, whose usable heap is ~1.9 GB, a quarter too little). A fixed
 * fraction, not the free heap of the moment, which counts garbage not yet collected and would make
 * the path depend on the collector's timing. The system property {@value #PROPERTY} (bytes)
 * overrides it, for benchmarks of the streamed path.
 */
record DenseBudget(long bytes) {
  static final String PROPERTY = "heredity.weights.denseBytes";

  static DenseBudget ofHeap() {
    String set = System.getProperty(PROPERTY);
    if (set != null) {
      try {
        return new DenseBudget(Long.parseLong(set.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(PROPERTY + " is not a byte count: " + set, e);
      }
    }
    return new DenseBudget(Runtime.getRuntime().maxMemory() / 3);
  }

  /** True when the {@code units x units} float matrix fits. */
  boolean fits(int units) {
    return (long) units * units * Float.BYTES <= bytes;
  }
}
