package dev.heredity.audit.report.html;

import static dev.heredity.audit.report.html.HtmlText.esc;

import dev.heredity.audit.report.ReportNumbers;
import java.util.ArrayList;
import java.util.List;

/**
 * Small dependency-free inline SVG charts: horizontal bars with a threshold, and means with 95%
 * CIs.
 */
final class SvgCharts {

  /** One horizontal bar; {@code valueText} is printed after the bar, {@code tooltip} on hover. */
  record Bar(String label, double value, String colour, String valueText, String tooltip) {}

  /** One point estimate with the half-width of its 95% confidence interval. */
  /**
   * A mean with its CI half-width (null: unknown, no whisker) and per-model points drawn as dots.
   */
  record Estimate(String label, double mean, Double ci95, List<Double> points, String note) {
    Estimate {
      points = List.copyOf(points);
    }

    double low() {
      return Math.min(
          mean - (ci95 == null ? 0 : ci95), points.stream().mapToDouble(d -> d).min().orElse(mean));
    }

    double high() {
      return Math.max(
          mean + (ci95 == null ? 0 : ci95), points.stream().mapToDouble(d -> d).max().orElse(mean));
    }
  }

  private static final double LABEL_WIDTH = 130;
  private static final double BAR_AREA = 300;
  private static final double ROW = 22;

  private SvgCharts() {}

  /**
   * Horizontal bars from zero. {@code threshold}, when not NaN, is drawn as a dashed vertical line
   * labelled {@code thresholdLabel}.
   */
  static String horizontalBars(
      String ariaLabel, List<Bar> bars, double threshold, String thresholdLabel, String axisLabel) {
    double max = bars.stream().mapToDouble(Bar::value).filter(Double::isFinite).max().orElse(1);
    if (!Double.isNaN(threshold)) {
      max = Math.max(max, threshold * 1.15);
    }
    max = max <= 0 ? 1 : max;
    double top = 22;
    double width = LABEL_WIDTH + BAR_AREA + 80;
    double height = top + bars.size() * ROW + 34;
    StringBuilder svg = open("chart bars", ariaLabel, width, height);
    double x0 = LABEL_WIDTH;
    for (double tick : ticks(0, max)) {
      double x = x0 + tick / max * BAR_AREA;
      svg.append("<line x1=\"")
          .append(n(x))
          .append("\" y1=\"")
          .append(n(top - 4))
          .append("\" x2=\"")
          .append(n(x))
          .append("\" y2=\"")
          .append(n(top + bars.size() * ROW))
          .append("\" stroke=\"")
          .append(Palette.GRID)
          .append("\"/>");
      svg.append("<text class=\"tick\" x=\"")
          .append(n(x))
          .append("\" y=\"")
          .append(n(top + bars.size() * ROW + 13))
          .append("\" text-anchor=\"middle\">")
          .append(ReportNumbers.stat(tick))
          .append("</text>\n");
    }
    for (int i = 0; i < bars.size(); i++) {
      Bar bar = bars.get(i);
      double y = top + i * ROW;
      double value = Double.isFinite(bar.value()) ? Math.max(0, Math.min(bar.value(), max)) : max;
      double w = value / max * BAR_AREA;
      svg.append("<g class=\"bar\"><title>").append(esc(bar.tooltip())).append("</title>");
      svg.append("<text class=\"bar-label\" x=\"")
          .append(n(x0 - 8))
          .append("\" y=\"")
          .append(n(y + 15))
          .append("\" text-anchor=\"end\">")
          .append(esc(clip(bar.label(), 18)))
          .append("</text>");
      svg.append("<rect x=\"")
          .append(n(x0))
          .append("\" y=\"")
          .append(n(y + 4))
          .append("\" width=\"")
          .append(n(Math.max(w, 1)))
          .append("\" height=\"")
          .append(n(ROW - 8))
          .append("\" rx=\"2\" fill=\"")
          .append(bar.colour())
          .append("\"/>");
      svg.append("<text class=\"bar-value\" x=\"")
          .append(n(x0 + w + 6))
          .append("\" y=\"")
          .append(n(y + 15))
          .append("\">")
          .append(esc(bar.valueText()))
          .append("</text></g>\n");
    }
    if (!Double.isNaN(threshold)) {
      double x = x0 + threshold / max * BAR_AREA;
      svg.append("<line class=\"threshold\" x1=\"")
          .append(n(x))
          .append("\" y1=\"")
          .append(n(top - 8))
          .append("\" x2=\"")
          .append(n(x))
          .append("\" y2=\"")
          .append(n(top + bars.size() * ROW))
          .append("\" stroke=\"")
          .append(Palette.INK)
          .append("\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>");
      svg.append("<text class=\"tick strong\" x=\"")
          .append(n(x + 4))
          .append("\" y=\"")
          .append(n(top - 10))
          .append("\">")
          .append(esc(thresholdLabel))
          .append("</text>\n");
    }
    svg.append("<text class=\"axis\" x=\"")
        .append(n(x0 + BAR_AREA / 2))
        .append("\" y=\"")
        .append(n(height - 4))
        .append("\" text-anchor=\"middle\">")
        .append(esc(axisLabel))
        .append("</text>\n");
    return svg.append("</svg>\n").toString();
  }

  /** Vertical bars (means) with 95% CI whiskers; categories on the x axis. */
  static String meansWithIntervals(String ariaLabel, List<Estimate> estimates, String axisLabel) {
    double lo = 0;
    double hi = 0;
    for (Estimate e : estimates) {
      lo = Math.min(lo, e.low());
      hi = Math.max(hi, e.high());
    }
    hi = hi <= lo ? lo + 1 : hi;
    List<Double> ticks = ticks(lo, hi);
    lo = Math.min(lo, ticks.get(0));
    hi = Math.max(hi, ticks.get(ticks.size() - 1));
    double left = 56;
    double top = 14;
    double plotH = 190;
    double slot = 150;
    double width = left + estimates.size() * slot + 20;
    double height = top + plotH + 58;
    StringBuilder svg = open("chart means", ariaLabel, width, height);
    final double low = lo;
    final double span = hi - lo;
    java.util.function.DoubleUnaryOperator yOf = v -> top + plotH - (v - low) / span * plotH;
    for (double tick : ticks) {
      double y = yOf.applyAsDouble(tick);
      svg.append("<line x1=\"")
          .append(n(left))
          .append("\" y1=\"")
          .append(n(y))
          .append("\" x2=\"")
          .append(n(width - 10))
          .append("\" y2=\"")
          .append(n(y))
          .append("\" stroke=\"")
          .append(tick == 0 ? Palette.NEUTRAL : Palette.GRID)
          .append("\"/>");
      svg.append("<text class=\"tick\" x=\"")
          .append(n(left - 6))
          .append("\" y=\"")
          .append(n(y + 4))
          .append("\" text-anchor=\"end\">")
          .append(ReportNumbers.stat(tick))
          .append("</text>\n");
    }
    double zeroY = yOf.applyAsDouble(Math.max(lo, Math.min(0, hi)));
    for (int i = 0; i < estimates.size(); i++) {
      Estimate e = estimates.get(i);
      double cx = left + slot * i + slot / 2;
      double y = yOf.applyAsDouble(e.mean());
      double barW = 56;
      String colour = Palette.BAR;
      svg.append("<g class=\"estimate\"><title>")
          .append(esc(e.label()))
          .append(": ")
          .append(ReportNumbers.stat(e.mean()))
          .append(
              e.ci95() != null
                  ? " \u00b1 " + ReportNumbers.stat(e.ci95()) + " (95% CI)"
                  : e.points().isEmpty()
                      ? " (CI unknown)"
                      : " (per model: "
                          + String.join(", ", e.points().stream().map(ReportNumbers::stat).toList())
                          + ")")
          .append(e.note() == null ? "" : ", " + esc(e.note()))
          .append("</title>");
      svg.append("<rect x=\"")
          .append(n(cx - barW / 2))
          .append("\" y=\"")
          .append(n(Math.min(y, zeroY)))
          .append("\" width=\"")
          .append(n(barW))
          .append("\" height=\"")
          .append(n(Math.max(1, Math.abs(zeroY - y))))
          .append("\" fill=\"")
          .append(colour)
          .append("\"/>");
      double yHi = yOf.applyAsDouble(e.ci95() == null ? e.mean() : e.mean() + e.ci95());
      double yLo = yOf.applyAsDouble(e.ci95() == null ? e.mean() : e.mean() - e.ci95());
      for (double point : e.points()) {
        svg.append("<circle class=\"per-model\" cx=\"")
            .append(n(cx))
            .append("\" cy=\"")
            .append(n(yOf.applyAsDouble(point)))
            .append("\" r=\"3.5\" fill=\"#fff\" stroke=\"")
            .append(Palette.INK)
            .append("\" stroke-width=\"1.2\"/>");
      }
      if (e.ci95() != null) {
        svg.append("<path class=\"whisker\" d=\"M")
            .append(n(cx))
            .append(',')
            .append(n(yHi))
            .append(" L")
            .append(n(cx))
            .append(',')
            .append(n(yLo))
            .append(" M")
            .append(n(cx - 9))
            .append(',')
            .append(n(yHi))
            .append(" L")
            .append(n(cx + 9))
            .append(',')
            .append(n(yHi))
            .append(" M")
            .append(n(cx - 9))
            .append(',')
            .append(n(yLo))
            .append(" L")
            .append(n(cx + 9))
            .append(',')
            .append(n(yLo))
            .append("\" stroke=\"")
            .append(Palette.INK)
            .append("\" stroke-width=\"1.5\" fill=\"none\"/>");
      }
      double top0 =
          Math.min(
              yHi,
              e.points().isEmpty()
                  ? yHi
                  : yOf.applyAsDouble(
                      e.points().stream().mapToDouble(d -> d).max().orElse(e.mean())));
      svg.append("<text class=\"bar-value\" x=\"")
          .append(n(cx))
          .append("\" y=\"")
          .append(n(top0 - 6))
          .append("\" text-anchor=\"middle\">")
          .append(ReportNumbers.stat(e.mean()))
          .append("</text>");
      svg.append("<text class=\"bar-label\" x=\"")
          .append(n(cx))
          .append("\" y=\"")
          .append(n(top + plotH + 18))
          .append("\" text-anchor=\"middle\">")
          .append(esc(clip(e.label(), 22)))
          .append("</text>");
      if (e.note() != null) {
        svg.append("<text class=\"tick\" x=\"")
            .append(n(cx))
            .append("\" y=\"")
            .append(n(top + plotH + 32))
            .append("\" text-anchor=\"middle\">")
            .append(esc(e.note()))
            .append("</text>");
      }
      svg.append("</g>\n");
    }
    svg.append("<text class=\"axis\" transform=\"translate(14,")
        .append(n(top + plotH / 2))
        .append(") rotate(-90)\" text-anchor=\"middle\">")
        .append(esc(axisLabel))
        .append("</text>\n");
    return svg.append("</svg>\n").toString();
  }

  private static StringBuilder open(
      String cssClass, String ariaLabel, double width, double height) {
    return new StringBuilder("<svg class=\"")
        .append(cssClass)
        .append("\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"")
        .append(esc(ariaLabel))
        .append("\" width=\"")
        .append(n(width))
        .append("\" height=\"")
        .append(n(height))
        .append("\" viewBox=\"0 0 ")
        .append(n(width))
        .append(' ')
        .append(n(height))
        .append("\">\n");
  }

  /** About five round tick values covering [lo, hi]. */
  static List<Double> ticks(double lo, double hi) {
    double span = hi - lo;
    double raw = span / 5;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = magnitude;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        step = m * magnitude;
        break;
      }
    }
    List<Double> ticks = new ArrayList<>();
    double start = Math.floor(lo / step) * step;
    for (int i = 0; i < 50; i++) {
      double t = start + i * step;
      ticks.add(Math.abs(t) < step * 1e-9 ? 0.0 : t);
      if (t >= hi - step * 1e-9) {
        break;
      }
    }
    return ticks;
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return "";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  private static String n(double v) {
    return ReportNumbers.fixed(v, 1);
  }
}
