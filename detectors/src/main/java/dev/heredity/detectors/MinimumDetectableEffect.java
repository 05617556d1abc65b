package dev.heredity.detectors;

import dev.heredity.detectors.classifier.ClassifierOutcome;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The minimum detectable effect of a detection, from the classifier test's own permutation
 * distribution: with null spread {@code s} of the out-of-fold AUC and the level {@code a} the
 * verdict gives the classifier, an effect is found with power {@value #POWER} when its AUC is at
 * least {@code 0.5 + (z(1 - a) + z(POWER)) * s} (normal approximation, spread assumed equal under
 * the alternative; checked against the real-data power curves in docs/detect.md).
 */
final class MinimumDetectableEffect {
  static final double POWER = 0.8;

  /**
   * The yardstick: the smallest per-record out-of-fold AUC measured on real data whose teacher's
   * trait transferred (owl canon8, owl rawformat and eagle rawformat, 1,000 records per side;
   * docs/detect.md).
   */
  static final double YARDSTICK_AUC = 0.56;

  private MinimumDetectableEffect() {}

  static DetectablePower of(ClassifierOutcome classifier, double level) {
    NormalDistribution normal = NormalDistribution.of(0, 1);
    double z =
        normal.inverseSurvivalProbability(level) + normal.inverseCumulativeProbability(POWER);
    double sd = classifier.nullSd();
    double mde = Math.min(1, 0.5 + z * sd);
    int perSide = Math.min(classifier.suspect(), classifier.reference());
    double ratio = (mde - 0.5) / (YARDSTICK_AUC - 0.5);
    int needed = (int) Math.min(Integer.MAX_VALUE, Math.ceil(perSide * ratio * ratio));
    return new DetectablePower(mde, YARDSTICK_AUC, POWER, level, sd, perSide, needed);
  }
}
