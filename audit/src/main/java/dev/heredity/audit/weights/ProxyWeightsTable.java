package dev.heredity.audit.weights;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.heredity.transfer.Accuracy;
import dev.heredity.transfer.Arm;
import dev.heredity.transfer.ModelSink;
import dev.heredity.transfer.SweepPoint;
import dev.heredity.transfer.TransferResult;
import dev.heredity.weights.Method;
import dev.heredity.weights.proxy.ProxyWeightStudy;
import dev.heredity.weights.proxy.ProxyWeightStudy.ArmSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The weight-test section of {@code heredity transfer-test --weights}: per student arm, next to
 * transfer accuracy.
 */
public final class ProxyWeightsTable {
  private ProxyWeightsTable() {}

  /**
   * One row: a student arm (or sweep sigma), the weight test's rejection rate and the arm's
   * accuracy.
   */
  @JsonPropertyOrder({
    "arm",
    "sigma",
    "sharedInit",
    "pairs",
    "rate",
    "ci95",
    "medianP",
    "meanStatistic",
    "matchedCosine",
    "accuracy",
    "pValues"
  })
  public record Row(
      String arm,
      Double sigma,
      int sharedInit,
      int pairs,
      double rate,
      double[] ci95,
      double medianP,
      double meanStatistic,
      double matchedCosine,
      double accuracy,
      double[] pValues) {}

  @JsonPropertyOrder({"alpha", "method", "rows"})
  public record Section(double alpha, String method, List<Row> rows) {}

  public static Section section(ProxyWeightStudy study, TransferResult result) {
    List<Row> rows = new ArrayList<>();
    for (Arm arm : Arm.values()) {
      if (arm == Arm.TEACHER || arm == Arm.REFERENCE || result.arm(arm) == null) {
        continue;
      }
      rows.add(row(study, arm.id(), null, arm.id(), result.arm(arm).accuracy()));
    }
    List<SweepPoint> sweep = result.sweep();
    for (int i = 0; i < sweep.size(); i++) {
      SweepPoint p = sweep.get(i);
      String key = p.sigma() == 0.0 ? Arm.SAME_INIT.id() : ModelSink.sweepKey(i);
      rows.add(row(study, key, p.sigma(), "sigma " + trim(p.sigma()), p.accuracy()));
    }
    rows.removeIf(r -> r.pairs() == 0);
    return new Section(study.alpha(), WeightsWording.method(Method.MATCHED_RANK_TEST), rows);
  }

  private static Row row(
      ProxyWeightStudy study, String key, Double sigma, String label, Accuracy accuracy) {
    ArmSummary s = study.summary(key);
    return new Row(
        label,
        sigma,
        s.rate().rejected(),
        s.rate().pairs(),
        s.rate().rate(),
        new double[] {s.rate().lower95(), s.rate().upper95()},
        s.medianP(),
        s.meanStatistic(),
        s.meanMatchedCosine(),
        accuracy.mean(),
        study.pValues(key));
  }

  public static String table(Section section) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%nweight test, teacher vs each of its students (alpha %s; %s)%n",
            trim(section.alpha()),
            "matched-rank test on fc1 and fc2"));
    sb.append(
        String.format(
            Locale.ROOT,
            "%-22s %11s %7s  %-15s %9s %9s %9s %9s%n",
            "student arm",
            "shared-init",
            "rate",
            "95% CI (exact)",
            "median p",
            "mean rho",
            "cosine",
            "accuracy"));
    for (Row r : section.rows()) {
      sb.append(
          String.format(
              Locale.ROOT,
              "%-22s %5d/%-5d %6.1f%%  [%5.1f, %5.1f]  %9s %9.3f %9.3f %8.1f%%%n",
              r.arm(),
              r.sharedInit(),
              r.pairs(),
              r.rate() * 100,
              r.ci95()[0] * 100,
              r.ci95()[1] * 100,
              WeightsWording.p(r.medianP()),
              r.meanStatistic(),
              r.matchedCosine(),
              r.accuracy() * 100));
    }
    return sb.toString();
  }

  private static String trim(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
