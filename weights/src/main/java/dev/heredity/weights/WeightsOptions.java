package dev.heredity.weights;

import dev.heredity.transfer.engine.Kernels;

/**
 * @param alpha significance level of the verdict
 * @param shortcut try the cheap same-unit cosine tier first (it can confirm a shared init, never
 *     rule one out)
 * @param threads threads of the cosine GEMM
 */
public record WeightsOptions(double alpha, boolean shortcut, int threads, Kernels kernels) {
  public WeightsOptions {
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
  }

  public static WeightsOptions defaults() {
    return new WeightsOptions(
        0.01, true, Runtime.getRuntime().availableProcessors(), Kernels.best());
  }

  public WeightsOptions withAlpha(double a) {
    return new WeightsOptions(a, shortcut, threads, kernels);
  }

  public WeightsOptions withShortcut(boolean s) {
    return new WeightsOptions(alpha, s, threads, kernels);
  }

  public WeightsOptions withThreads(int t) {
    return new WeightsOptions(alpha, shortcut, t, kernels);
  }
}
