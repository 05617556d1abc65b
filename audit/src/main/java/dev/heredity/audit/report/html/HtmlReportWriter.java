package dev.heredity.audit.report.html;

import static dev.heredity.audit.report.ReportNumbers.pValue;
import static dev.heredity.audit.report.ReportNumbers.stat;
import static dev.heredity.audit.report.html.Html.esc;

import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ComplianceClause;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.LeakRow;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.Severity;
import dev.heredity.audit.report.Summary;
import dev.heredity.audit.report.SuppressionRow;
import dev.heredity.audit.report.SweepRow;
import dev.heredity.audit.report.TestRow;
import dev.heredity.audit.report.TokenRow;
import dev.heredity.audit.report.TransferEvidence;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network; a content
 * security policy forbids any load) with the summary, the lineage graph laid out by ELK, the findings,
 * detector charts, the transfer-test chart and the compliance table.
 */
public final class HtmlReportWriter implements ReportWriter {

  private static final int MAX_TOKEN_BARS = 12;

  @Override
  public String id() {
    return "html";
  }

  @Override
  public List<String> aliases() {
    return List.of();
  }

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public void write(AuditReport report, Writer out) throws IOException {
    StringBuilder html = new StringBuilder(64 * 1024);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>Heredity audit").append(report.manifest() == null ? "" : ": " + esc(report.manifest().path()))
        .append("</title>\n<style>\n").append(HtmlStyle.CSS).append("</style>\n</head>\n<body>\n<main>\n");
    header(report, html);
    summary(report, html);
    lineage(report, html);
    pairs(report.pairs(), html);
    findings(report, html);
    detections(report.detections(), html);
    transfer(report.transfer(), html);
    policy(report, html);
    compliance(report, html);
    html.append("<footer>Written by ").append(esc(report.tool())).append(' ').append(esc(report.version()))
        .append(" \u00b7 schema ").append(esc(report.schema()))
        .append(" \u00b7 self-contained page: no scripts, nothing loaded from the network.</footer>\n");
    html.append("</main>\n</body>\n</html>\n");
    out.write(html.toString());
    out.flush();
  }

  private static void header(AuditReport report, StringBuilder html) {
    boolean failed = report.failed();
    html.append("<header>\n<h1>Heredity audit <span class=\"verdict ").append(failed ? "fail" : "pass")
        .append("\">").append(failed ? "FAILED" : "PASSED").append("</span></h1>\n<p class=\"muted\">");
    if (report.manifest() != null) {
      html.append("Manifest <code>").append(esc(report.manifest().path())).append("</code>");
      if (report.manifest().sha256() != null) {
        html.append(" \u00b7 sha256 <code title=\"").append(esc(report.manifest().sha256())).append("\">")
            .append(esc(abbrev(report.manifest().sha256()))).append("</code>");
      }
      html.append(" \u00b7 ");
    }
    html.append(esc(report.tool())).append(' ').append(esc(report.version())).append("</p>\n");
    html.append("<nav>");
    nav(html, "summary", "Summary", true);
    nav(html, "lineage", "Lineage", true);
    nav(html, "pairs", "Pairs", true);
    nav(html, "findings", "Findings", true);
    nav(html, "detectors", "Detector evidence", !report.detections().isEmpty());
    nav(html, "transfer", "Transfer evidence", report.transfer() != null);
    nav(html, "policy", "Policy", report.policy() != null);
    nav(html, "compliance", "Compliance", !report.compliance().isEmpty());
    html.append("</nav>\n</header>\n");
  }

  private static void nav(StringBuilder html, String id, String label, boolean present) {
    if (present) {
      html.append("<a href=\"#").append(id).append("\">").append(esc(label)).append("</a>");
    }
  }

  private static void summary(AuditReport report, StringBuilder html) {
    Summary s = report.summary();
    html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
    card(html, "Models", String.valueOf(s.models()), null);
    card(html, "Datasets", String.valueOf(s.datasets()), null);
    card(html, "Trainings", String.valueOf(s.trainings()), null);
    card(html, "Teacher\u2192student pairs", String.valueOf(s.pairs()), null);
    card(html, "Failing (at or above " + s.failOn() + ")", String.valueOf(s.failing()),
        s.failing() > 0 ? "fail" : "pass");
    html.append("</div>\n<div class=\"sevcounts\">");
    for (String severity : Severity.IDS) {
      int count = s.findingsBySeverity().getOrDefault(severity, 0);
      html.append("<span class=\"sevcount").append(count == 0 ? " zero" : "").append("\">")
          .append(badge(severity)).append(" <b>").append(count).append("</b></span>");
    }
    html.append("</div>\n</section>\n");
  }

  private static void card(StringBuilder html, String label, String value, String cls) {
    html.append("<div class=\"card").append(cls == null ? "" : " " + cls).append("\"><div class=\"value\">")
        .append(esc(value)).append("</div><div class=\"label\">").append(esc(label)).append("</div></div>\n");
  }

  private static void lineage(AuditReport report, StringBuilder html) {
    html.append("<section id=\"lineage\">\n<h2>Lineage</h2>\n")
        .append("<p class=\"legend\"><span class=\"shape model\"></span> model ")
        .append("<span class=\"shape dataset\"></span> dataset ")
        .append("<span class=\"shape training\"></span> training")
        .append(" \u00b7 thick coloured outlines and edges: on a risky pair's path (")
        .append(String.join(" ", Severity.IDS.stream().map(HtmlReportWriter::badge).toList()))
        .append(")</p>\n<div class=\"graph\">\n")
        .append(LineageSvg.render(report.nodes(), report.edges())).append("</div>\n</section>\n");
  }

  private static void pairs(List<PairRow> pairs, StringBuilder html) {
    html.append("<section id=\"pairs\">\n<h2>Teacher \u2192 student pairs</h2>\n");
    if (pairs.isEmpty()) {
      html.append("<p class=\"muted\">No teacher to student pairs in the lineage.</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<thead><tr><th>Severity</th><th>Teacher</th><th>Student</th><th>Training</th>")
        .append("<th>Datasets</th><th>Shared base</th><th>Path</th></tr></thead>\n<tbody>\n");
    for (PairRow p : pairs) {
      html.append("<tr><td>").append(badge(p.severity())).append("</td><td>").append(code(p.teacher()))
          .append("</td><td>").append(code(p.student())).append("</td><td>").append(code(p.training()))
          .append("</td><td>").append(codes(p.datasets())).append("</td><td>")
          .append(p.sharedBase() ? "<b>yes</b>: " + codes(p.sharedRoots()) : "no").append("</td><td class=\"path\">")
          .append(esc(String.join(" \u2192 ", p.path()))).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void findings(AuditReport report, StringBuilder html) {
    List<Finding> findings = report.findings();
    html.append("<section id=\"findings\">\n<h2>Findings</h2>\n");
    if (findings.isEmpty()) {
      html.append("<p class=\"muted\">No findings.</p>\n</section>\n");
      return;
    }
    html.append("<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Status</th><th>Finding</th>")
        .append("<th>Location</th><th>Compliance</th></tr></thead>\n<tbody>\n");
    for (Finding f : findings) {
      html.append("<tr id=\"finding-").append(esc(f.id())).append("\" class=\"status-")
          .append(status(f)).append("\"><td>").append(badge(f.severity())).append("</td><td>")
          .append("<span class=\"status ").append(status(f)).append("\">").append(statusText(f))
          .append("</span></td><td><div class=\"title\">").append(esc(f.title())).append("</div>")
          .append("<div class=\"meta\">").append(code(f.rule())).append(" on ").append(code(f.subject()))
          .append(" \u00b7 id ").append(code(f.id())).append("</div>");
      if (f.explanation() != null && !f.explanation().isBlank()) {
        html.append("<p>").append(esc(f.explanation())).append("</p>");
      }
      if (!f.evidence().isEmpty()) {
        html.append("<ul class=\"evidence\">");
        f.evidence().forEach(e -> html.append("<li>").append(esc(e)).append("</li>"));
        html.append("</ul>");
      }
      if (f.status() == Finding.Status.SUPPRESSED && f.suppressionReason() != null) {
        html.append("<p class=\"muted\">Suppressed: ").append(esc(f.suppressionReason())).append("</p>");
      }
      html.append("</td><td class=\"loc\">").append(f.location() == null ? "" : location(f))
          .append("</td><td>").append(clauseLinks(f.compliance(), report)).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void detections(List<DatasetDetection> detections, StringBuilder html) {
    if (detections.isEmpty()) {
      return;
    }
    html.append("<section id=\"detectors\">\n<h2>Detector evidence</h2>\n");
    for (DatasetDetection d : detections) {
      boolean divergent = d.pValue() <= d.alpha();
      html.append("<article class=\"detection\" data-dataset=\"").append(esc(d.dataset())).append("\">\n<h3>")
          .append(code(d.dataset())).append(" against control ").append(code(d.reference()))
          .append(" <span class=\"verdict ").append(divergent ? "fail" : "pass").append("\">")
          .append(esc(d.verdict())).append("</span></h3>\n<p class=\"muted\">combined p = ")
          .append(pValue(d.pValue())).append(" (alpha ").append(stat(d.alpha())).append(") \u00b7 ")
          .append(d.suspectRecords()).append(" suspect and ").append(d.referenceRecords())
          .append(" control records</p>\n<div class=\"charts\">\n");
      if (!d.tests().isEmpty()) {
        html.append("<figure>").append(pValueChart(d)).append("<figcaption>Tests: \u2212log10 of the adjusted")
            .append(" p-value; bars past the dashed alpha line are significant.</figcaption></figure>\n");
      }
      if (!d.divergentTokens().isEmpty()) {
        html.append("<figure>").append(tokenChart(d)).append("<figcaption>Most divergent tokens (|z|);")
            .append(" red: more frequent in the suspect data, blue: in the control.</figcaption></figure>\n");
      }
      html.append("</div>\n");
      if (!d.tests().isEmpty()) {
        html.append("<table class=\"compact\">\n<thead><tr><th>Test</th><th>Statistic</th><th>p</th>")
            .append("<th>Adjusted p</th><th>Effect</th><th>Evidence</th></tr></thead>\n<tbody>\n");
        for (TestRow t : d.tests()) {
          html.append("<tr><td>").append(code(t.id())).append(' ').append(esc(t.description()))
              .append("</td><td class=\"num\">").append(stat(t.statistic())).append("</td><td class=\"num\">")
              .append(pValue(t.pValue())).append("</td><td class=\"num\">").append(pValue(t.adjustedPValue()))
              .append("</td><td class=\"num\">").append(stat(t.effect())).append("</td><td>").append(esc(String.join("; ", t.evidence())))
              .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
      }
      List<String> notes = new ArrayList<>(d.formatNotes());
      notes.addAll(d.notes());
      for (LeakRow leak : d.leaks()) {
        notes.add("Leak query '" + leak.query() + "': " + leak.hits() + (leak.hits() == 1 ? " hit" : " hits")
            + (leak.examples().isEmpty() ? "" : ", e.g. " + String.join(" | ", leak.examples())));
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
      boolean significant = t.adjustedPValue() <= d.alpha();
      bars.add(new SvgCharts.Bar(t.id(), -Math.log10(p), significant ? Palette.of("high") : Palette.BAR_LOW,
          "p=" + pValue(t.adjustedPValue()), t.description()));
    }
    return SvgCharts.horizontalBars("p-values of " + d.dataset(), bars, -Math.log10(d.alpha()),
        "alpha " + stat(d.alpha()), "\u2212log10(adjusted p)");
  }

  private static String tokenChart(DatasetDetection d) {
    List<SvgCharts.Bar> bars = new ArrayList<>();
    for (TokenRow t : d.divergentTokens().subList(0, Math.min(MAX_TOKEN_BARS, d.divergentTokens().size()))) {
      String label = "'" + t.token() + "'" + (t.position() == null ? "" : " @" + t.position());
      bars.add(new SvgCharts.Bar(label, Math.abs(t.zScore()),
          t.zScore() >= 0 ? Palette.of("high") : Palette.BAR,
          "z=" + stat(t.zScore()),
          label + ": " + t.suspectCount() + " suspect vs " + t.referenceCount() + " control"));
    }
    return SvgCharts.horizontalBars("divergent tokens of " + d.dataset(), bars, Double.NaN, "", "|z|");
  }

  private static void transfer(TransferEvidence t, StringBuilder html) {
    if (t == null) {
      return;
    }
    html.append("<section id=\"transfer\">\n<h2>Transfer evidence</h2>\n<p>")
        .append(t.runHere()
            ? "<span class=\"tag run\">run in this scan</span> "
            : "<span class=\"tag cited\">not run here: " + esc(t.source()) + "</span> ")
        .append("Verdict: <b>").append(esc(t.verdict())).append("</b></p>\n");
    if (t.citation() != null && !t.citation().isBlank()) {
      html.append("<p class=\"muted\">Source: ").append(esc(t.citation())).append("</p>\n");
    }
    html.append("<div class=\"charts\">\n");
    if (!t.arms().isEmpty()) {
      List<SvgCharts.Estimate> arms = new ArrayList<>();
      for (ArmRow a : t.arms()) {
        arms.add(new SvgCharts.Estimate(a.arm(), a.mean(), a.ci95(), a.models() + " models"));
      }
      html.append("<figure>").append(SvgCharts.meansWithIntervals("transfer test arms", arms, "mean (95% CI)"))
          .append("<figcaption>Mean per arm with 95% confidence intervals.</figcaption></figure>\n");
    }
    if (!t.sweep().isEmpty()) {
      List<SvgCharts.Estimate> sweep = new ArrayList<>();
      for (SweepRow s : t.sweep()) {
        sweep.add(new SvgCharts.Estimate("\u03c3 = " + stat(s.sigma()), s.mean(), s.ci95(), null));
      }
      html.append("<figure>").append(SvgCharts.meansWithIntervals("transfer sweep", sweep, "mean (95% CI)"))
          .append("<figcaption>Sweep over initialisation noise \u03c3 (95% CIs).</figcaption></figure>\n");
    }
    html.append("</div>\n</section>\n");
  }

  private static void policy(AuditReport report, StringBuilder html) {
    if (report.policy() == null) {
      return;
    }
    html.append("<section id=\"policy\">\n<h2>Policy</h2>\n<p>Fail on <b>")
        .append(esc(report.policy().failOn())).append("</b> and above \u00b7 detector alpha ")
        .append(stat(report.policy().alpha())).append("</p>\n");
    if (!report.policy().suppressions().isEmpty()) {
      html.append("<table class=\"compact\">\n<thead><tr><th>Suppression</th><th>Reason</th><th>Expires</th>")
          .append("<th>Matched</th></tr></thead>\n<tbody>\n");
      for (SuppressionRow s : report.policy().suppressions()) {
        html.append("<tr><td>").append(code(s.match())).append("</td><td>").append(esc(s.reason()))
            .append("</td><td>").append(s.expires() == null ? "never" : esc(s.expires()))
            .append(s.expired() ? " <span class=\"status failing\">expired</span>" : "").append("</td><td>")
            .append(s.matched()).append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("</section>\n");
  }

  private static void compliance(AuditReport report, StringBuilder html) {
    if (report.compliance().isEmpty()) {
      return;
    }
    html.append("<section id=\"compliance\">\n<h2>Compliance references</h2>\n<table class=\"compact\">\n")
        .append("<thead><tr><th>Framework</th><th>Clause</th><th>Title</th><th>Rules</th><th>Findings</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (ComplianceClause c : report.compliance()) {
      long count = report.findings().stream().filter(f -> f.compliance().contains(c.id())).count();
      html.append("<tr id=\"clause-").append(esc(c.id())).append("\"><td class=\"nowrap\">")
          .append(esc(c.framework())).append("</td><td class=\"nowrap\">").append(esc(c.clause())).append("</td><td>").append(esc(c.title()))
          .append("</td><td>").append(codes(c.rules())).append("</td><td>").append(count).append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  static String badge(String severity) {
    if (severity == null) {
      return "<span class=\"sev sev-none\">none</span>";
    }
    return "<span class=\"sev sev-" + esc(Palette.cssClass(severity)) + "\">" + esc(severity) + "</span>";
  }

  private static String status(Finding f) {
    return f.status().name().toLowerCase(Locale.ROOT);
  }

  private static String statusText(Finding f) {
    return switch (f.status()) {
      case FAILING -> "failing";
      case PASSING -> "below gate";
      case SUPPRESSED -> "suppressed";
      case BASELINE -> "baseline";
    };
  }

  /** The location with break opportunities after each '/', so a long path wraps between folders. */
  private static String location(Finding f) {
    String[] parts = f.location().display().split("/", -1);
    StringBuilder sb = new StringBuilder("<code>");
    for (int i = 0; i < parts.length; i++) {
      sb.append(i == 0 ? "" : "/<wbr>").append(esc(parts[i]));
    }
    return sb.append("</code>").toString();
  }

  /** Clause ids linking to their row in the compliance table (plain codes when the table lacks them). */
  private static String clauseLinks(List<String> ids, AuditReport report) {
    List<String> links = new ArrayList<>();
    for (String id : ids) {
      boolean known = report.compliance().stream().anyMatch(c -> c.id().equals(id));
      links.add(known ? "<a href=\"#clause-" + esc(id) + "\">" + code(id) + "</a>" : code(id));
    }
    return String.join(" ", links);
  }

  private static String code(String s) {
    return s == null ? "" : "<code>" + esc(s) + "</code>";
  }

  private static String codes(List<String> items) {
    return String.join(" ", items.stream().map(HtmlReportWriter::code).toList());
  }

  private static String abbrev(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "\u2026" : sha;
  }

}
