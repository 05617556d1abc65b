package dev.heredity.audit.report.html;

import static dev.heredity.audit.report.ReportNumbers.stat;
import static dev.heredity.audit.report.html.HtmlParts.badge;
import static dev.heredity.audit.report.html.HtmlParts.code;
import static dev.heredity.audit.report.html.HtmlParts.codes;
import static dev.heredity.audit.report.html.HtmlText.esc;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ComplianceClause;
import dev.heredity.audit.report.EvidenceRow;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.HopRow;
import dev.heredity.audit.report.OverrideRow;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.Stamp;
import dev.heredity.audit.report.Summary;
import dev.heredity.audit.report.SuppressionRow;
import dev.heredity.audit.report.view.ClauseView;
import dev.heredity.audit.report.view.FindingView;
import dev.heredity.audit.report.view.PolicyView;
import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.Section;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, no scripts, no network; a
 * content security policy forbids any load) with the summary, the lineage graph laid out by ELK,
 * the findings, detector charts, the transfer-test chart and the compliance table.
 */
public final class HtmlReportWriter implements ReportWriter {
  /** The rule id of unattributed synthetic data (lineage's PairFinder.UNATTRIBUTED_RULE). */
  private static final String UNATTRIBUTED_RULE =
      dev.heredity.lineage.risk.PairFinder.UNATTRIBUTED_RULE;

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
        .append("<title>Heredity audit")
        .append(report.manifest() == null ? "" : ": " + esc(report.manifest().path()))
        .append("</title>\n<style>\n")
        .append(HtmlStyle.CSS)
        .append(report.stamp() == null ? "" : HtmlStyle.STAMP_CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    ReportView view = ReportView.of(report);
    header(view, html);
    summary(report, html);
    lineage(view, html);
    pairs(view, html);
    findings(view, html);
    EvidenceSections.detections(view, html);
    WeightsSection.write(view, html);
    EvidenceSections.transfer(view, html);
    policy(view, html);
    compliance(view, html);
    html.append("<footer>Written by ")
        .append(esc(report.tool()))
        .append(' ')
        .append(esc(report.version()))
        .append(" \u00b7 schema ")
        .append(esc(report.schema()))
        .append(
            " \u00b7 self-contained page: no scripts, nothing loaded from the network.</footer>\n");
    html.append("</main>\n</body>\n</html>\n");
    // Every table scrolls sideways inside its own box, so a narrow screen never scrolls the whole
    // page.
    out.write(
        html.toString()
            .replace("<table", "<div class=\"scroll\"><table")
            .replace("</table>", "</table></div>"));
    out.flush();
  }

  private static void header(ReportView view, StringBuilder html) {
    AuditReport report = view.report();
    boolean failed = view.headline().failed();
    html.append("<header>\n<h1>Heredity audit <span class=\"verdict ")
        .append(failed ? "fail" : "pass")
        .append("\">")
        .append(esc(view.headline().status()))
        .append("</span></h1>\n<p class=\"gate\">")
        .append(esc(view.headline().gate()))
        .append("</p>\n<p class=\"muted\">");
    if (report.manifest() != null) {
      html.append("Manifest <code>").append(esc(report.manifest().path())).append("</code>");
      if (report.manifest().sha256() != null) {
        html.append(" \u00b7 sha256 <code title=\"")
            .append(esc(report.manifest().sha256()))
            .append("\">")
            .append(esc(abbrev(report.manifest().sha256())))
            .append("</code>");
      }
      html.append(" \u00b7 ");
    }
    html.append(esc(report.tool())).append(' ').append(esc(report.version())).append("</p>\n");
    if (report.stamp() != null) {
      html.append("<dl class=\"stamp\">\n");
      for (var field : report.stamp().fields()) {
        html.append("<dt>")
            .append(esc(Stamp.label(field.getKey())))
            .append("</dt><dd><code>")
            .append(esc(field.getValue()))
            .append("</code></dd>\n");
      }
      html.append("</dl>\n");
    }
    html.append("<nav>");
    for (Section section : view.sections()) {
      if (section.shown()) {
        html.append("<a href=\"#")
            .append(section.id())
            .append("\">")
            .append(esc(section.title()))
            .append("</a>");
      }
    }
    html.append("</nav>\n</header>\n");
  }

  private static void summary(AuditReport report, StringBuilder html) {
    Summary s = report.summary();
    html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
    card(html, "Models", String.valueOf(s.models()), null);
    card(html, "Datasets", String.valueOf(s.datasets()), null);
    card(html, "Trainings", String.valueOf(s.trainings()), null);
    card(html, "Teacher\u2192student pairs", String.valueOf(s.pairs()), null);
    card(
        html,
        s.failOn() == null
            ? "Failing (fail-on none)"
            : "Failing (at or above " + s.failOn().label() + ")",
        String.valueOf(s.failing()),
        s.failing() > 0 ? "fail" : "pass");
    html.append("</div>\n<div class=\"sevcounts\">");
    for (Severity severity : Severity.values()) {
      int count = s.findingsBySeverity().getOrDefault(severity, 0);
      html.append("<span class=\"sevcount")
          .append(count == 0 ? " zero" : "")
          .append("\">")
          .append(badge(severity))
          .append(" <b>")
          .append(count)
          .append("</b></span>");
    }
    html.append("</div>\n</section>\n");
  }

  private static void card(StringBuilder html, String label, String value, String cls) {
    html.append("<div class=\"card")
        .append(cls == null ? "" : " " + cls)
        .append("\"><div class=\"value\">")
        .append(esc(value))
        .append("</div><div class=\"label\">")
        .append(esc(label))
        .append("</div></div>\n");
  }

  private static void lineage(ReportView view, StringBuilder html) {
    AuditReport report = view.report();
    html.append("<section id=\"lineage\">\n<h2>")
        .append(esc(view.section(Section.LINEAGE).title()))
        .append("</h2>\n")
        .append("<p class=\"legend\"><span class=\"shape model\"></span> model ")
        .append("<span class=\"shape dataset\"></span> dataset ")
        .append("<span class=\"shape training\"></span> training")
        .append(" \u00b7 thick coloured outlines and edges: on a risky pair's path (")
        .append(
            String.join(
                " ", java.util.Arrays.stream(Severity.values()).map(HtmlParts::badge).toList()))
        .append(") \u00b7 <span class=\"shape origin\"></span> trait origin")
        .append(
            " \u00b7 <span class=\"shape unattributed\"></span> unattributed synthetic data</p>\n")
        .append("<div class=\"graph\">\n")
        .append(LineageSvg.render(report.nodes(), report.edges(), unattributed(report)))
        .append("</div>\n</section>\n");
  }

  /** Datasets the unattributed-data rule names: synthetic data whose generator nobody declared. */
  private static java.util.Set<String> unattributed(AuditReport report) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    report.findings().stream()
        .filter(f -> f.rule().equals(UNATTRIBUTED_RULE) && f.subject() != null)
        .forEach(f -> ids.add(f.subject()));
    return ids;
  }

  private static void pairs(ReportView view, StringBuilder html) {
    Section section = view.section(Section.PAIRS);
    List<PairRow> pairs = view.report().pairs();
    html.append("<section id=\"pairs\">\n<h2>").append(esc(section.title())).append("</h2>\n");
    if (pairs.isEmpty()) {
      html.append("<p class=\"muted\">")
          .append(esc(section.emptyText()))
          .append("</p>\n</section>\n");
      return;
    }
    html.append(
            "<table>\n<thead><tr><th>Severity</th><th>Teacher</th><th>Student</th><th>Training</th>")
        .append("<th>Datasets</th><th>Shared base</th><th>Path</th></tr></thead>\n<tbody>\n");
    for (PairRow p : pairs) {
      html.append("<tr><td>")
          .append(badge(p.severity()))
          .append("</td><td>")
          .append(code(p.teacher()))
          .append("</td><td>")
          .append(code(p.student()))
          .append("</td><td>")
          .append(code(p.training()))
          .append("</td><td>")
          .append(codes(p.datasets()))
          .append("</td><td>")
          .append(p.sharedBase() ? "<b>yes</b>: " + codes(p.sharedRoots()) : "no")
          .append("</td><td class=\"path\">")
          .append(esc(String.join(" \u2192 ", p.path())))
          .append("</td></tr>\n");
      hops(p, html);
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** Under a pair: each hop of its path and the manifest line or artifact that states it. */
  private static void hops(PairRow p, StringBuilder html) {
    if (p.hops().isEmpty()) {
      return;
    }
    html.append(
            "<tr class=\"hops\"><td></td><td colspan=\"6\"><details><summary>Where the edges come from</summary>")
        .append("<ul class=\"evidence\">");
    for (HopRow hop : p.hops()) {
      html.append("<li>")
          .append(code(hop.source()))
          .append(" \u2192 ")
          .append(code(hop.target()))
          .append(" (")
          .append(esc(hop.relation()))
          .append(")");
      for (EvidenceRow e : hop.evidence()) {
        html.append("<br><span class=\"meta\">")
            .append(code(e.source()))
            .append(e.at() == null ? "" : " " + esc(e.at()))
            .append(" \u00b7 ")
            .append(esc(e.confidence()))
            .append("</span>");
      }
      html.append("</li>");
    }
    html.append("</ul></details></td></tr>\n");
  }

  private static void findings(ReportView view, StringBuilder html) {
    AuditReport report = view.report();
    Section section = view.section(Section.FINDINGS);
    html.append("<section id=\"findings\">\n<h2>").append(esc(section.title())).append("</h2>\n");
    if (view.findings().isEmpty()) {
      html.append("<p class=\"muted\">")
          .append(esc(section.emptyText()))
          .append("</p>\n</section>\n");
      return;
    }
    html.append(
            "<table class=\"findings\">\n<thead><tr><th>Severity</th><th>Status</th><th>Finding</th>")
        .append("<th>Location</th><th>Compliance</th></tr></thead>\n<tbody>\n");
    for (FindingView v : view.findings()) {
      Finding f = v.finding();
      html.append("<tr id=\"finding-")
          .append(esc(f.id()))
          .append("\" class=\"status-")
          .append(v.statusId())
          .append("\"><td>")
          .append(badge(f.severity()))
          .append("</td><td>")
          .append("<span class=\"status ")
          .append(v.statusId())
          .append("\">")
          .append(esc(v.status()))
          .append("</span></td><td><div class=\"title\">")
          .append(esc(f.title()))
          .append("</div>")
          .append("<div class=\"meta\">")
          .append(code(f.rule()))
          .append(" on ")
          .append(code(f.subject()))
          .append(" \u00b7 id ")
          .append(code(f.id()))
          .append("</div>");
      if (v.severityNote() != null) {
        html.append("<p class=\"override\">").append(esc(v.severityNote())).append("</p>");
      }
      if (f.explanation() != null && !f.explanation().isBlank()) {
        html.append("<p>").append(esc(f.explanation())).append("</p>");
      }
      if (!f.evidence().isEmpty()) {
        html.append("<ul class=\"evidence\">");
        f.evidence().forEach(e -> html.append("<li>").append(esc(e)).append("</li>"));
        html.append("</ul>");
      }
      if (f.status() == Finding.Status.SUPPRESSED && f.suppressionReason() != null) {
        html.append("<p class=\"muted\">Suppressed: ")
            .append(esc(f.suppressionReason()))
            .append("</p>");
      }
      html.append("</td><td class=\"loc\">")
          .append(f.location() == null ? "" : location(f))
          .append("</td><td>")
          .append(clauseLinks(f.compliance(), view))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void policy(ReportView view, StringBuilder html) {
    if (!view.section(Section.POLICY).shown()) {
      return;
    }
    PolicyView p = view.policy();
    html.append("<section id=\"policy\">\n<h2>")
        .append(esc(view.section(Section.POLICY).title()))
        .append("</h2>\n<p>");
    if (p.file() != null) {
      html.append("Policy file ").append(code(p.file()));
      if (p.sha256() != null) {
        html.append(" \u00b7 sha256 <code title=\"")
            .append(esc(p.sha256()))
            .append("\">")
            .append(esc(abbrev(p.sha256())))
            .append("</code>");
      }
      html.append(" \u00b7 ");
    }
    html.append("Fail on <b>")
        .append(esc(p.failOn()))
        .append("</b> and above \u00b7 detector alpha ")
        .append(stat(p.alpha()))
        .append(
            p.sample() == null
                ? ""
                : p.sample() == 0
                    ? " \u00b7 detectors test every record"
                    : " \u00b7 detectors test a sample of " + p.sample() + " records per dataset")
        .append("</p>\n");
    for (String w : p.warnings()) {
      html.append("<p class=\"override\">Warning: ").append(esc(w)).append("</p>\n");
    }
    if (!p.overrides().isEmpty()) {
      html.append("<table class=\"compact\">\n<thead><tr><th>Override</th><th>Severity</th>")
          .append("<th>Findings changed</th></tr></thead>\n<tbody>\n");
      for (OverrideRow o : p.overrides()) {
        html.append("<tr><td>")
            .append(code(o.rule()))
            .append("</td><td>")
            .append(badge(o.severity()))
            .append("</td><td>")
            .append(o.applied())
            .append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    if (!p.overridden().isEmpty()) {
      html.append("<ul class=\"evidence\">");
      for (Finding f : p.overridden()) {
        html.append("<li>")
            .append(code(f.id()))
            .append(' ')
            .append(code(f.rule()))
            .append(" on ")
            .append(code(f.subject()))
            .append(": ")
            .append(badge(f.overriddenFrom()))
            .append(" \u2192 ")
            .append(badge(f.severity()))
            .append("</li>");
      }
      html.append("</ul>\n");
    }
    if (!p.suppressions().isEmpty()) {
      html.append(
              "<table class=\"compact\">\n<thead><tr><th>Suppression</th><th>Reason</th><th>Expires</th>")
          .append("<th>Matched</th></tr></thead>\n<tbody>\n");
      for (SuppressionRow s : p.suppressions()) {
        html.append("<tr><td>")
            .append(code(s.match()))
            .append("</td><td>")
            .append(esc(s.reason()))
            .append("</td><td>")
            .append(s.expires() == null ? "never" : esc(s.expires()))
            .append(s.expired() ? " <span class=\"status failing\">expired</span>" : "")
            .append("</td><td>")
            .append(s.matched())
            .append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    if (!p.suppressed().isEmpty()) {
      html.append("<ul class=\"evidence\">");
      for (Finding f : p.suppressed()) {
        html.append("<li>")
            .append(code(f.id()))
            .append(' ')
            .append(badge(f.severity()))
            .append(' ')
            .append(code(f.rule()))
            .append(" on ")
            .append(code(f.subject()))
            .append(" suppressed: ")
            .append(esc(f.suppressionReason()))
            .append("</li>");
      }
      html.append("</ul>\n");
    }
    html.append("</section>\n");
  }

  private static void compliance(ReportView view, StringBuilder html) {
    if (!view.section(Section.COMPLIANCE).shown()) {
      return;
    }
    html.append("<section id=\"compliance\">\n<h2>")
        .append(esc(view.section(Section.COMPLIANCE).title()))
        .append("</h2>\n<table class=\"compact\">\n")
        .append(
            "<thead><tr><th>Framework</th><th>Clause</th><th>Title</th><th>Rules</th><th>Findings</th>")
        .append("</tr></thead>\n<tbody>\n");
    for (ClauseView v : view.byClause()) {
      ComplianceClause c = v.clause();
      html.append("<tr id=\"clause-")
          .append(esc(c.id()))
          .append("\"><td class=\"nowrap\">")
          .append(esc(c.framework()))
          .append("</td><td class=\"nowrap\">")
          .append(esc(c.clause()))
          .append("</td><td>")
          .append(esc(c.title()))
          .append("<div class=\"meta\">")
          .append(code(c.id()))
          .append("</div>")
          .append("</td><td>")
          .append(codes(c.rules()))
          .append("</td><td>")
          .append(v.findings())
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
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

  /**
   * Clause names ("EU AI Act Art. 10(2)(b)") linking to their row in the compliance table, the id
   * as the tooltip (plain codes when the table lacks them).
   */
  private static String clauseLinks(List<String> ids, ReportView view) {
    List<String> links = new ArrayList<>();
    for (String id : ids) {
      boolean known = view.report().compliance().stream().anyMatch(c -> c.id().equals(id));
      links.add(
          known
              ? "<a href=\"#clause-"
                  + esc(id)
                  + "\" title=\""
                  + esc(id)
                  + "\">"
                  + esc(view.clauseName(id)).replace(" ", "\u00a0")
                  + "</a>\u00a0"
                  + code(id)
              : code(id));
    }
    return String.join("<br>", links);
  }

  private static String abbrev(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) + "\u2026" : sha;
  }
}
