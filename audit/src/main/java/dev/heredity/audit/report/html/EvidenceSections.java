package dev.heredity.audit.report.html;

import static dev.heredity.audit.report.ReportNumbers.pValue;
import static dev.heredity.audit.report.ReportNumbers.stat;
import static dev.heredity.audit.report.html.HtmlParts.code;
import static dev.heredity.audit.report.html.HtmlText.esc;

import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.LeakRow;
import dev.heredity.audit.report.ProxyWeightRow;
import dev.heredity.audit.report.ProxyWeights;
import dev.heredity.audit.report.SweepRow;
import dev.heredity.audit.report.TestRow;
import dev.heredity.audit.report.TokenRow;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.view.DetectionView;
import dev.heredity.audit.report.view.ProxyWeightsView;
import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.Section;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;

/**
 * The page's evidence sections: detector results per dataset and the transfer test, with their
 * charts.
 */
final class EvidenceSections {
  private EvidenceSections() {}

  static void detections(ReportView view, StringBuilder html) {
    Section section = view.section(Section.DETECTORS);
    if (!section.shown()) {
      return;
    }
    html.append("<section id=\"")
        .append(section.id())
        .append("\">\n<h2>")
        .append(esc(section.title()))
        .append("</h2>\n");
    for (DetectionView v : view.detections()) {
      DatasetDetection d = v.detection();
      boolean divergent = v.signal();
      html.append("<article class=\"detection\" data-dataset=\"")
          .append(esc(d.dataset()))
          .append("\">\n<h3>")
          .append(code(d.dataset()))
          .append(" against control ")
          .append(code(d.reference()))
          .append(" <span class=\"verdict ")
          .append(divergent ? "fail" : "pass")
          .append("\">")
          .append(esc(d.verdict().label()))
          .append("</span></h3>\n<p class=\"muted\">combined p = ")
          .append(pValue(d.pValue()))
          .append(" (alpha ")
          .append(stat(d.alpha()))
          .append(") \u00b7 ")
          .append(d.suspectRecords())
          .append(" suspect and ")
          .append(d.referenceRecords())
          .append(" control records</p>\n");
      if (d.testedOn() != null) {
        html.append("<p class=\"tested-on\">")
            .append(esc(d.testedOn().sentence()))
            .append("</p>\n");
      }
      html.append("<div class=\"charts\">\n");
      if (!d.tests().isEmpty()) {
        html.append("<figure>")
            .append(pValueChart(d))
            .append("<figcaption>Tests: \u2212log10 of the adjusted")
            .append(
                " p-value; bars past the dashed alpha line are significant.</figcaption></figure>\n");
      }
      if (!v.tokens().isEmpty()) {
        html.append("<figure>")
            .append(tokenChart(v))
            .append("<figcaption>Most divergent tokens (|z|);")
            .append(
                " red: more frequent in the suspect data, blue: in the control.</figcaption></figure>\n");
      }
      html.append("</div>\n");
      if (!d.tests().isEmpty()) {
        html.append(
                "<table class=\"compact\">\n<thead><tr><th>Test</th><th>Statistic</th><th>p</th>")
            .append("<th>Adjusted p</th><th>Effect</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        for (TestRow t : d.tests()) {
          html.append("<tr><td>")
              .append(code(t.id()))
              .append(' ')
              .append(esc(t.description()))
              .append("</td><td class=\"num\">")
              .append(stat(t.statistic()))
              .append("</td><td class=\"num\">")
              .append(pValue(t.pValue()))
              .append("</td><td class=\"num\">")
              .append(pValue(t.adjustedPValue()))
              .append("</td><td class=\"num\">")
              .append(stat(t.effect()))
              .append("</td><td>")
              .append(esc(String.join("; ", t.evidence())))
              .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
      }
      List<String> notes = new ArrayList<>(d.formatNotes());
      notes.addAll(d.notes());
      for (LeakRow leak : d.leaks()) {
        notes.add(
            "Leak query '"
                + leak.query()
                + "': "
                + leak.hits()
                + (leak.hits() == 1 ? " hit" : " hits")
                + (leak.examples().isEmpty()
                    ? ""
                    : ", e.g. " + String.join(" | ", leak.examples())));
      }
      if (!notes.isEmpty()) {
        html.append("<ul class=\"notes\">");
        notes.forEach(n -> html.append("<li>").append(esc(n)).append("</li>"));
        html.append("</ul>\n");
      }
      html.append("</article>\n");
    }
    html.append("</section>\n");
  }

  private static String pValueChart(DatasetDetection d) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (TestRow t : d.tests()) {
      double p = Math.max(t.adjustedPValue(), 1e-300);
      bars.add(
          new SvgCharts.Bar(
              t.id(),
              -Math.log10(p),
              t.significant() ? Palette.of(Severity.HIGH) : Palette.BAR_LOW,
              "p=" + pValue(t.adjustedPValue()),
              t.description()));
    }
    return SvgCharts.horizontalBars(
        "p-values of " + d.dataset(),
        bars,
        -Math.log10(d.alpha()),
        "alpha " + stat(d.alpha()),
        "\u2212log10(adjusted p)");
  }

  private static String tokenChart(DetectionView v) {
    DatasetDetection d = v.detection();
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (TokenRow t : v.tokens()) {
      String label = "'" + t.token() + "'" + (t.position() == null ? "" : " @" + t.position());
      bars.add(
          new SvgCharts.Bar(
              label,
              Math.abs(t.zScore()),
              t.zScore() >= 0 ? Palette.of(Severity.HIGH) : Palette.BAR,
              "z=" + stat(t.zScore()),
              label + ": " + t.suspectCount() + " suspect vs " + t.referenceCount() + " control"));
    }
    return SvgCharts.horizontalBars(
        "divergent tokens of " + d.dataset(), bars, Double.NaN, "", "|z|");
  }

  static void transfer(ReportView view, StringBuilder html) {
    TransferEvidence t = view.report().transfer();
    if (t == null) {
      return;
    }
    html.append("<section id=\"transfer\">\n<h2>")
        .append(esc(view.section(Section.TRANSFER).title()))
        .append("</h2>\n<p class=\"proxy-note\">")
        .append(esc(TransferEvidence.PROXY_NOTE))
        .append("</p>\n<p>")
        .append(
            t.runHere()
                ? "<span class=\"tag run\">run in this scan</span> "
                : "<span class=\"tag cited\">not run here: "
                    + esc(t.source().name().toLowerCase(java.util.Locale.ROOT))
                    + "</span> ")
        .append("Verdict: <b>")
        .append(esc(t.verdict()))
        .append("</b></p>\n");
    if (t.citation() != null && !t.citation().isBlank()) {
      html.append("<p class=\"muted\">Source: ").append(esc(t.citation())).append("</p>\n");
    }
    html.append("<div class=\"charts\">\n");
    if (!t.arms().isEmpty()) {
      List<SvgCharts.Estimate> arms = new ArrayList<>();
      for (ArmRow a : t.arms()) {
        arms.add(
            new SvgCharts.Estimate(
                a.arm(), a.mean(), a.ci95(), a.perModel(), a.models() + " models"));
      }
      boolean dots = t.arms().stream().anyMatch(a -> !a.perModel().isEmpty());
      boolean unknown = t.arms().stream().anyMatch(a -> a.ci95() == null && a.perModel().isEmpty());
      html.append("<figure>")
          .append(SvgCharts.meansWithIntervals("transfer test arms", arms, "mean (95% CI)"))
          .append("<figcaption>Mean per arm with 95% confidence intervals")
          .append(
              dots
                  ? "; dots are the per-model values where fewer than "
                      + ArmRow.MIN_MODELS_FOR_CI
                      + " models ran (too few for a CI)"
                  : "")
          .append(unknown ? "; no whisker: CI unknown (not published)" : "")
          .append(".</figcaption></figure>\n");
    }
    if (!t.sweep().isEmpty()) {
      List<SvgCharts.Estimate> sweep = new ArrayList<>();
      for (SweepRow s : t.sweep()) {
        sweep.add(
            new SvgCharts.Estimate(
                "\u03c3 = " + stat(s.sigma()), s.mean(), s.ci95(), List.of(), null));
      }
      boolean unknown = t.sweep().stream().anyMatch(s -> s.ci95() == null);
      html.append("<figure>")
          .append(SvgCharts.meansWithIntervals("transfer sweep", sweep, "mean (95% CI)"))
          .append("<figcaption>Sweep over initialisation noise \u03c3")
          .append(unknown ? " (no whisker: CI unknown)" : " (95% CIs)")
          .append(".</figcaption></figure>\n");
    }
    html.append("</div>\n");
    if (t.weights() != null) {
      proxyWeights(t.weights(), html);
    }
    html.append("</section>\n");
  }

  /** The weight test between the proxy's teachers and students, next to transfer accuracy. */
  private static void proxyWeights(ProxyWeights w, StringBuilder html) {
    html.append("<h3>Weight test on the proxy: is the teacher's initialisation in its students'")
        .append(" weights?</h3>\n<p>")
        .append(esc(ProxyWeightsView.headline(w)))
        .append("</p>\n<p class=\"muted\">")
        .append(esc(w.citation()))
        .append(w.method() == null ? "" : " Method: " + esc(w.method()) + ".")
        .append("</p>\n<table class=\"compact proxy-weights\">\n<thead><tr>");
    for (String c : ProxyWeightsView.COLUMNS) {
      html.append("<th>").append(esc(c)).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (ProxyWeightRow r : w.rows()) {
      html.append("<tr>");
      for (String c : ProxyWeightsView.cells(r)) {
        html.append("<td>").append(esc(c)).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }
}
