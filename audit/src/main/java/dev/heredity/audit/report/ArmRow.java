package dev.heredity.audit.report;

import java.util.List;

/**
 * One arm of the transfer test: mean score, half-width of its 95% CI, number of models, and the
 * per-model scores when too few models ran for a CI. {@code ci95} is null when unknown (fewer than
 * {@value #MIN_MODELS_FOR_CI} models, or not published), never 0.
 */
public record ArmRow(String arm, double mean, Double ci95, int models, List<Double> perModel) {
  /**
   * Below this many models a 95% CI across models says little; reports show the per-model values.
   */
  public static final int MIN_MODELS_FOR_CI = 5;

  public ArmRow {
    perModel = Lists.copy(perModel);
  }

  /** An arm without per-model values. */
  public ArmRow(String arm, double mean, Double ci95, int models) {
    this(arm, mean, ci95, models, List.of());
  }
}
