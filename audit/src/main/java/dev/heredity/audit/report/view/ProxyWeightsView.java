package dev.heredity.audit.report.view;

import dev.heredity.audit.report.ProxyWeightRow;
import dev.heredity.audit.report.ProxyWeights;
import dev.heredity.audit.report.ReportNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * The proxy's weight-test table as every format words it: the headline (how often same-init
 * students were found, the false-positive rate on cross-init students with its CI) and per row the
 * cells people read.
 */
public final class ProxyWeightsView {
  private ProxyWeightsView() {}

  /** Column titles, in the order of {@link #cells}. */
  public static final List<String> COLUMNS =
      List.of(
          "Students",
          "Shared-init",
          "Rate (exact 95% CI)",
          "p: median [min, max]",
          "Mean rho",
          "Matched cosine",
          "Transfer accuracy");

  /**
   * "Same-init students: shared-init in 20/20 (100%, 95% CI 83.2-100). Cross-init students (false
   * positives): 0/20 (0%, 95% CI 0-16.8). Alpha 0.01."
   */
  public static String headline(ProxyWeights w) {
    List<String> parts = new ArrayList<>();
    for (ProxyWeightRow r : w.rows()) {
      if (r.arm().equals("same-init")) {
        parts.add("Same-init students: shared-init in " + rate(r) + ".");
      } else if (r.arm().equals("cross-init")) {
        parts.add("Cross-init students (false positives): " + rate(r) + ".");
      }
    }
    parts.add("Alpha " + ReportNumbers.stat(w.alpha()) + ".");
    return String.join(" ", parts);
  }

  /** The cells of a row, in the order of {@link #COLUMNS}. */
  public static List<String> cells(ProxyWeightRow r) {
    return List.of(
        r.arm(),
        r.sharedInit() + "/" + r.pairs(),
        ReportNumbers.stat(r.rate())
            + "%"
            + (r.ciLow() == null || r.ciHigh() == null
                ? ""
                : " ["
                    + ReportNumbers.stat(r.ciLow())
                    + ", "
                    + ReportNumbers.stat(r.ciHigh())
                    + "]"),
        p(r.medianP())
            + (r.minP() == null || r.maxP() == null || r.minP().equals(r.maxP())
                ? ""
                : " [" + p(r.minP()) + ", " + p(r.maxP()) + "]"),
        number(r.meanStatistic()),
        number(r.matchedCosine()),
        r.accuracy() == null ? "unknown" : ReportNumbers.stat(r.accuracy()) + "%");
  }

  private static String rate(ProxyWeightRow r) {
    return r.sharedInit()
        + "/"
        + r.pairs()
        + " ("
        + ReportNumbers.stat(r.rate())
        + "%"
        + (r.ciLow() == null || r.ciHigh() == null
            ? ""
            : ", 95% CI " + ReportNumbers.stat(r.ciLow()) + "-" + ReportNumbers.stat(r.ciHigh()))
        + ")";
  }

  private static String p(Double p) {
    return p == null ? "unknown" : WeightsView.pValue(p);
  }

  private static String number(Double x) {
    return x == null ? "unknown" : ReportNumbers.stat(x);
  }
}
