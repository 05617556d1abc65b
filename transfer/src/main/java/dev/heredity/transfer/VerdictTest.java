package dev.heredity.transfer;

import java.util.List;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Decides "transfer": the same-init students beat the cross-init students by at least {@link
 * #MIN_MARGIN} (2 accuracy points) on average AND the difference is significant at {@link #ALPHA}
 * (one-sided). With at least {@link #MIN_MODELS_FOR_T} models the test is a paired t-test over
 * models (the model is the unit that varies); with fewer, an exact McNemar (sign) test over the
 * test images, pooling every model's paired same/cross predictions.
 */
public final class VerdictTest {
  public static final double MIN_MARGIN = 0.02;
  public static final double ALPHA = 0.01;
  public static final int MIN_MODELS_FOR_T = 5;

  private VerdictTest() {}

  /** The decision and the numbers behind it. */
  public record Evidence(String verdict, double difference, double pValue, String method) {
    public boolean transfer() {
      return "transfer".equals(verdict);
    }
  }

  /**
   * @param same per model, per test image: did the same-init student classify it correctly
   * @param cross the same for the cross-init students
   */
  public static Evidence decide(List<boolean[]> same, List<boolean[]> cross) {
    int n = same.size();
    double[] diff = new double[n];
    long better = 0;
    long worse = 0;
    for (int i = 0; i < n; i++) {
      boolean[] s = same.get(i);
      boolean[] c = cross.get(i);
      int correctSame = 0;
      int correctCross = 0;
      for (int j = 0; j < s.length; j++) {
        correctSame += s[j] ? 1 : 0;
        correctCross += c[j] ? 1 : 0;
        better += s[j] && !c[j] ? 1 : 0;
        worse += !s[j] && c[j] ? 1 : 0;
      }
      diff[i] = (correctSame - correctCross) / (double) s.length;
    }
    double meanDiff = mean(diff);
    double p;
    String method;
    if (n >= MIN_MODELS_FOR_T) {
      p = pairedTOneSided(diff, meanDiff);
      method = "paired t-test over " + n + " models";
    } else {
      long discordant = better + worse;
      p =
          discordant == 0
              ? 1.0
              : BinomialDistribution.of((int) discordant, 0.5)
                  .survivalProbability((int) better - 1);
      method = "exact McNemar test over " + discordant + " discordant test images";
    }
    boolean transfer = meanDiff >= MIN_MARGIN && p < ALPHA;
    return new Evidence(transfer ? "transfer" : "no-transfer", meanDiff, p, method);
  }

  private static double pairedTOneSided(double[] d, double mean) {
    double ss = 0;
    for (double x : d) {
      ss += (x - mean) * (x - mean);
    }
    double se = Math.sqrt(ss / (d.length - 1) / d.length);
    if (se == 0) {
      return mean > 0 ? 0.0 : 1.0;
    }
    return TDistribution.of(d.length - 1).survivalProbability(mean / se);
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }
}
