package dev.heredity.weights;

import dev.heredity.transfer.engine.Kernels;

/**
 * @param alpha significance level of the verdict
 * @param shortcut try the cheap same-unit cosine tier first (it can confirm a shared init, never
 *     rule one out)
 * @param threads threads of the cosine GEMM
 * @param sketch dimensions of the fixed CountSketch the unit vectors are projected to before the
 *     cosine matrix, for views with more features than that; 0 for exact cosines
 */
public record WeightsOptions(
    double alpha, boolean shortcut, int threads, Kernels kernels, int sketch) {
  /**
   * Default sketch width: cosine noise about 0.03, a seventh of the GEMM of a 4096-feature model.
   */
  public static final int DEFAULT_SKETCH = 1024;

  /** Smallest sketch width accepted (below it the cosines are mostly noise). */
  public static final int MIN_SKETCH = 2;

  public WeightsOptions {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    if (sketch != 0 && sketch < MIN_SKETCH) {
      throw new IllegalArgumentException(
          "sketch must be 0 or at least " + MIN_SKETCH + ", got " + sketch);
    }
  }

  /** Exact cosines (no sketch): the options as they were before the sketch existed. */
  public WeightsOptions(double alpha, boolean shortcut, int threads, Kernels kernels) {
    this(alpha, shortcut, threads, kernels, 0);
  }

  public static WeightsOptions defaults() {
    return new WeightsOptions(
        0.01, true, Runtime.getRuntime().availableProcessors(), Kernels.best(), DEFAULT_SKETCH);
  }

  public WeightsOptions withAlpha(double a) {
    return copy(a, shortcut, threads, sketch);
  }

  public WeightsOptions withShortcut(boolean s) {
    return copy(alpha, s, threads, sketch);
  }

  public WeightsOptions withThreads(int t) {
    return copy(alpha, shortcut, t, sketch);
  }

  /** Sketch width, or 0 for exact cosines. */
  public WeightsOptions withSketch(int k) {
    return copy(alpha, shortcut, threads, k);
  }

  /** True when a view with this many features is sketched. */
  boolean sketches(int features) {
    return sketch > 0 && features > sketch;
  }

  private WeightsOptions copy(double a, boolean s, int t, int k) {
    return new WeightsOptions(a, s, t, kernels, k);
  }
}
