package dev.heredity.audit.report.html;

import static dev.heredity.audit.report.ReportNumbers.stat;
import static dev.heredity.audit.report.html.HtmlParts.code;
import static dev.heredity.audit.report.html.HtmlText.esc;

import dev.heredity.audit.report.WeightsLayerRow;
import dev.heredity.audit.report.WeightsOutcome;
import dev.heredity.audit.report.WeightsRelation;
import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.Section;
import dev.heredity.audit.report.view.WeightsView;

/**
 * The weights check: one row per declared relation with its outcome and finding, then its per-layer
 * evidence, folded into a {@code <details>} when it has more than {@link WeightsView#OPEN_LAYERS}
 * layers.
 */
final class WeightsSection {
  private WeightsSection() {}

  static void write(ReportView view, StringBuilder html) {
    WeightsView w = view.weights();
    if (w == null) {
      return;
    }
    html.append("<section id=\"")
        .append(Section.WEIGHTS)
        .append("\">\n<h2>")
        .append(esc(view.section(Section.WEIGHTS).title()))
        .append("</h2>\n<p>")
        .append(esc(w.counts()))
        .append('.');
    if (w.time() != null) {
      html.append(" <span class=\"muted\">The check took ")
          .append(esc(w.time()))
          .append(".</span>");
    }
    html.append("</p>\n<table class=\"weights\">\n<thead><tr><th>Teacher</th><th>Student</th>")
        .append("<th>Declared</th><th>Weights</th><th>Outcome</th></tr></thead>\n<tbody>\n");
    for (WeightsView.RelationView v : w.relations()) {
      WeightsRelation r = v.relation();
      html.append("<tr class=\"weights-")
          .append(cssClass(r.outcome()))
          .append("\"><td>")
          .append(code(r.teacher()))
          .append("</td><td>")
          .append(code(r.student()))
          .append("</td><td>")
          .append(esc(r.declared()))
          .append("</td><td>")
          .append(esc(v.weights()))
          .append("</td><td><span class=\"verdict ")
          .append(r.outcome() == WeightsOutcome.CONFIRMED ? "pass" : "fail")
          .append("\">")
          .append(esc(r.outcome().label()))
          .append("</span>");
      if (v.finding() != null) {
        html.append(" <a href=\"#finding-")
            .append(esc(v.finding().id()))
            .append("\">")
            .append(esc(v.finding().id()))
            .append("</a>");
      }
      html.append("</td></tr>\n<tr class=\"weights-detail\"><td></td><td colspan=\"4\"><p>")
          .append(esc(r.detail()))
          .append('.');
      if (r.location() != null) {
        html.append(" <span class=\"muted\">Declared at ")
            .append(code(r.location().display()))
            .append("</span>");
      }
      html.append("</p>");
      if (r.teacherWeights() != null || r.studentWeights() != null) {
        html.append("<p class=\"muted\">");
        if (r.teacherWeights() != null) {
          html.append("teacher weights ").append(code(r.teacherWeights()));
        }
        if (r.studentWeights() != null) {
          html.append(r.teacherWeights() != null ? " \u00b7 " : "")
              .append("student weights ")
              .append(code(r.studentWeights()));
        }
        html.append("</p>");
      }
      if (r.method() != null) {
        html.append("<p class=\"muted\">Method: ").append(esc(r.method())).append("</p>");
      }
      if (!r.layers().isEmpty()) {
        layers(v, html);
      }
      html.append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void layers(WeightsView.RelationView v, StringBuilder html) {
    WeightsRelation r = v.relation();
    if (v.collapsed()) {
      html.append("<details><summary>")
          .append(r.layers().size())
          .append(" layers: statistic and p per layer</summary>");
    }
    html.append("<table class=\"compact\">\n<thead><tr><th>Layer</th><th>Units</th>")
        .append("<th>Statistic</th><th>p</th><th>Matched cosine</th></tr></thead>\n<tbody>\n");
    for (WeightsLayerRow l : r.layers()) {
      html.append("<tr><td>")
          .append(code(l.name()))
          .append("</td><td>")
          .append(l.units())
          .append("</td><td>")
          .append(l.statistic() == null ? "n/a" : stat(l.statistic()))
          .append("</td><td>")
          .append(esc(WeightsView.pValue(l.pValue())))
          .append("</td><td>")
          .append(l.matchedCosine() == null ? "n/a" : stat(l.matchedCosine()))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n");
    if (v.collapsed()) {
      html.append("</details>");
    }
  }

  private static String cssClass(WeightsOutcome outcome) {
    return switch (outcome) {
      case CONFIRMED -> "confirmed";
      case CONTRADICTED -> "contradicted";
      case UNCHECKED -> "unchecked";
    };
  }
}
