package dev.heredity.audit.report;

import java.util.List;

/**
 * The weight test between each MNIST-proxy teacher and its students ({@code transfer-test
 * --weights}): the p-value distribution for same-init and cross-init students (the false-positive
 * rate, with its binomial CI) and the statistic along the sweep's sigmas next to transfer accuracy.
 *
 * @param citation where the figures come from: this scan's run, a result file, or the measured
 *     reference
 */
public record ProxyWeights(
    double alpha, String method, String citation, List<ProxyWeightRow> rows) {
  public ProxyWeights {
    rows = Lists.copy(rows);
  }
}
