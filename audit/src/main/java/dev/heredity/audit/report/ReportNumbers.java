package dev.heredity.audit.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** Locale-independent number formatting shared by the human-readable writers. */
public final class ReportNumbers {
  private ReportNumbers() {}

  /** A p-value: "<1e-300" style for tiny values, 3 significant digits otherwise. */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return "n/a";
    }
    if (p <= 0) {
      return "0";
    }
    if (p < 1e-4) {
      return String.format(Locale.ROOT, "%.1e", p);
    }
    return significant(p, 3);
  }

  /** A plain statistic with up to 3 significant digits (or 2 decimals for larger values). */
  public static String stat(double x) {
    if (Double.isNaN(x)) {
      return "n/a";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (Math.abs(x) >= 100) {
      return x == Math.rint(x)
          ? String.format(Locale.ROOT, "%.0f", x)
          : String.format(Locale.ROOT, "%.1f", x);
    }
    return significant(x, 3);
  }

  /** A fixed-decimal number, e.g. for SVG coordinates. */
  public static String fixed(double x, int decimals) {
    String s = String.format(Locale.ROOT, "%." + decimals + "f", x);
    return s.equals("-0") || s.matches("-0\\.0*") ? s.substring(1) : s;
  }

  private static String significant(double x, int digits) {
    if (x == 0) {
      return "0";
    }
    BigDecimal d = new BigDecimal(x).round(new MathContext(digits));
    return d.stripTrailingZeros().toPlainString();
  }
}
