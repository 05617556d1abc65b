package dev.heredity.audit.report.markdown;

import static dev.heredity.audit.report.ReportNumbers.pValue;
import static dev.heredity.audit.report.ReportNumbers.stat;
import static dev.heredity.audit.report.markdown.MarkdownText.block;
import static dev.heredity.audit.report.markdown.MarkdownText.code;
import static dev.heredity.audit.report.markdown.MarkdownText.codes;
import static dev.heredity.audit.report.markdown.MarkdownText.header;
import static dev.heredity.audit.report.markdown.MarkdownText.row;
import static dev.heredity.audit.report.markdown.MarkdownText.text;

import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.LeakRow;
import dev.heredity.audit.report.OverrideRow;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.ProxyWeightRow;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.Stamp;
import dev.heredity.audit.report.Summary;
import dev.heredity.audit.report.SuppressionRow;
import dev.heredity.audit.report.TestRow;
import dev.heredity.audit.report.TokenRow;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.WeightsLayerRow;
import dev.heredity.audit.report.WeightsRelation;
import dev.heredity.audit.report.view.ClauseView;
import dev.heredity.audit.report.view.DetectionView;
import dev.heredity.audit.report.view.FindingView;
import dev.heredity.audit.report.view.PolicyView;
import dev.heredity.audit.report.view.ProxyWeightsView;
import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.Section;
import dev.heredity.audit.report.view.WeightsView;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** {@code report.md}: a pull-request comment rendering the {@link ReportView}. */
public final class MarkdownReportWriter implements ReportWriter {

  @Override
  public String id() {
    return "markdown";
  }

  @Override
  public List<String> aliases() {
    return List.of("md");
  }

  @Override
  public String fileName() {
    return "report.md";
  }

  @Override
  public void write(AuditReport report, Writer out) throws IOException {
    ReportView view = ReportView.of(report);
    StringBuilder md = new StringBuilder();
    headline(view, md);
    summary(report.summary(), md);
    pairs(view, md);
    findings(view, md);
    detections(view, md);
    weights(view, md);
    transfer(view, md);
    policy(view, md);
    compliance(view, md);
    out.write(md.toString());
    out.flush();
  }

  private static void headline(ReportView view, StringBuilder md) {
    AuditReport report = view.report();
    String status =
        view.headline().failed()
            ? view.headline().status()
            : view.headline().status().toLowerCase(Locale.ROOT);
    md.append("# Heredity audit: ").append(status).append("\n\n");
    if (report.manifest() != null) {
      md.append("Manifest ").append(code(report.manifest().path()));
      if (report.manifest().sha256() != null) {
        md.append(" (sha256 ").append(code(shortHash(report.manifest().sha256()))).append(')');
      }
      md.append(", ");
    }
    md.append(text(report.tool())).append(' ').append(text(report.version())).append(".\n\n");
    if (report.stamp() != null) {
      for (var field : report.stamp().fields()) {
        md.append("- ")
            .append(text(Stamp.label(field.getKey())))
            .append(": ")
            .append(code(field.getValue()))
            .append('\n');
      }
      md.append('\n');
    }
    String gate = text(view.headline().gate());
    md.append(view.headline().failed() ? "**" + gate + "**" : gate).append("\n\n");
  }

  private static void summary(Summary s, StringBuilder md) {
    md.append("## Summary\n\n");
    md.append(
        header(
            "Models",
            "Datasets",
            "Trainings",
            "Pairs",
            "Critical",
            "High",
            "Medium",
            "Low",
            "Info",
            "Failing"));
    md.append(
        row(
            String.valueOf(s.models()),
            String.valueOf(s.datasets()),
            String.valueOf(s.trainings()),
            String.valueOf(s.pairs()),
            count(s, Severity.CRITICAL),
            count(s, Severity.HIGH),
            count(s, Severity.MEDIUM),
            count(s, Severity.LOW),
            count(s, Severity.INFO),
            String.valueOf(s.failing())));
    md.append('\n');
  }

  private static String count(Summary s, Severity severity) {
    return String.valueOf(s.findingsBySeverity().getOrDefault(severity, 0));
  }

  private static void pairs(ReportView view, StringBuilder md) {
    Section section = view.section(Section.PAIRS);
    List<PairRow> pairs = view.report().pairs();
    md.append("## ").append(section.title()).append("\n\n");
    if (pairs.isEmpty()) {
      md.append(section.emptyText()).append("\n\n");
      return;
    }
    md.append(header("Severity", "Teacher", "Student", "Training", "Datasets", "Shared base"));
    for (PairRow p : pairs) {
      md.append(
          row(
              severity(p.severity()),
              code(p.teacher()),
              code(p.student()),
              code(p.training()),
              codes(p.datasets()),
              p.sharedBase() ? "yes: " + codes(p.sharedRoots()) : "no"));
    }
    md.append('\n');
  }

  private static void findings(ReportView view, StringBuilder md) {
    Section section = view.section(Section.FINDINGS);
    md.append("## ").append(section.title()).append("\n\n");
    if (view.findings().isEmpty()) {
      md.append(section.emptyText()).append("\n\n");
      return;
    }
    for (FindingView v : view.findings()) {
      Finding f = v.finding();
      md.append("### ")
          .append(severity(f.severity()))
          .append(' ')
          .append(text(f.title()))
          .append("\n\n");
      md.append(code(f.rule()))
          .append(" on ")
          .append(code(f.subject()))
          .append(" · ")
          .append(status(v))
          .append(" · id ")
          .append(code(f.id()));
      if (f.location() != null) {
        md.append(" · ").append(code(f.location().display()));
      }
      md.append("\n\n");
      if (v.severityNote() != null) {
        md.append("*").append(text(v.severityNote())).append("*\n\n");
      }
      if (f.explanation() != null && !f.explanation().isBlank()) {
        md.append(block(f.explanation())).append("\n\n");
      }
      for (String e : f.evidence()) {
        md.append("- ").append(block(e)).append('\n');
      }
      if (!f.evidence().isEmpty()) {
        md.append('\n');
      }
      if (!f.compliance().isEmpty()) {
        md.append("Compliance: ")
            .append(
                String.join(
                    ", ",
                    f.compliance().stream()
                        .map(id -> text(view.clauseName(id)) + " (" + code(id) + ")")
                        .toList()))
            .append("\n\n");
      }
    }
  }

  private static String status(FindingView v) {
    return switch (v.finding().status()) {
      case FAILING -> "**" + v.status() + "**";
      case SUPPRESSED -> v.status() + ": " + text(v.finding().suppressionReason());
      case PASSING, BASELINE -> v.status();
    };
  }

  private static void detections(ReportView view, StringBuilder md) {
    if (!view.section(Section.DETECTORS).shown()) {
      return;
    }
    md.append("## ").append(view.section(Section.DETECTORS).title()).append("\n\n");
    for (DetectionView v : view.detections()) {
      DatasetDetection d = v.detection();
      md.append("### ")
          .append(code(d.dataset()))
          .append(" against ")
          .append(code(d.reference()))
          .append(": ")
          .append(text(d.verdict().label()))
          .append("\n\n");
      md.append("Combined p = ")
          .append(pValue(d.pValue()))
          .append(" (alpha ")
          .append(stat(d.alpha()))
          .append("); ")
          .append(d.suspectRecords())
          .append(" suspect and ")
          .append(d.referenceRecords())
          .append(" reference records.\n\n");
      if (d.testedOn() != null) {
        md.append(text(d.testedOn().sentence())).append("\n\n");
      }
      if (!d.tests().isEmpty()) {
        md.append(header("Test", "Statistic", "p", "Adjusted p", "Effect"));
        for (TestRow t : d.tests()) {
          md.append(
              row(
                  code(t.id()) + " " + text(t.description()),
                  stat(t.statistic()),
                  pValue(t.pValue()),
                  pValue(t.adjustedPValue()),
                  stat(t.effect())));
        }
        md.append('\n');
      }
      if (!v.tokens().isEmpty()) {
        md.append(header("Token", "Position", "z", "Suspect", "Reference"));
        for (TokenRow t : v.tokens()) {
          md.append(
              row(
                  code(t.token()),
                  t.position() == null ? "any" : t.position().toString(),
                  stat(t.zScore()),
                  String.valueOf(t.suspectCount()),
                  String.valueOf(t.referenceCount())));
        }
        md.append('\n');
      }
      for (LeakRow leak : d.leaks()) {
        md.append("- Leak query ")
            .append(code(leak.query()))
            .append(": ")
            .append(leak.hits())
            .append(leak.hits() == 1 ? " hit" : " hits")
            .append('\n');
      }
      for (String note : Stream.concat(d.formatNotes().stream(), d.notes().stream()).toList()) {
        md.append("- ").append(block(note)).append('\n');
      }
      if (!d.leaks().isEmpty() || !d.formatNotes().isEmpty() || !d.notes().isEmpty()) {
        md.append('\n');
      }
    }
  }

  private static void weights(ReportView view, StringBuilder md) {
    WeightsView w = view.weights();
    if (w == null) {
      return;
    }
    md.append("## ").append(view.section(Section.WEIGHTS).title()).append("\n\n");
    md.append(text(w.counts())).append(".");
    if (w.time() != null) {
      md.append(" The check took ").append(text(w.time())).append('.');
    }
    md.append("\n\n");
    md.append(header("Teacher", "Student", "Declared", "Weights", "Outcome", "Finding"));
    for (WeightsView.RelationView v : w.relations()) {
      WeightsRelation r = v.relation();
      md.append(
          row(
              code(r.teacher()),
              code(r.student()),
              text(r.declared()),
              text(v.weights()),
              "**" + text(r.outcome().label()) + "**",
              v.finding() == null ? "" : code(v.finding().id())));
    }
    md.append('\n');
    for (WeightsView.RelationView v : w.relations()) {
      WeightsRelation r = v.relation();
      md.append("### ")
          .append(code(r.teacher()))
          .append(" → ")
          .append(code(r.student()))
          .append(": ")
          .append(text(r.outcome().label()))
          .append("\n\n");
      md.append(text(r.detail())).append(".");
      if (r.location() != null) {
        md.append(" Declared at ").append(code(r.location().display())).append('.');
      }
      md.append("\n\n");
      if (r.teacherWeights() != null) {
        md.append("- Teacher weights: ").append(code(r.teacherWeights())).append('\n');
      }
      if (r.studentWeights() != null) {
        md.append("- Student weights: ").append(code(r.studentWeights())).append('\n');
      }
      if (r.method() != null) {
        md.append("- Method: ").append(text(r.method())).append('\n');
      }
      md.append('\n');
      if (!r.layers().isEmpty()) {
        md.append(header("Layer", "Units", "Statistic", "p", "Matched cosine"));
        for (WeightsLayerRow l : r.layers()) {
          md.append(
              row(
                  code(l.name()),
                  String.valueOf(l.units()),
                  l.statistic() == null ? "n/a" : stat(l.statistic()),
                  text(WeightsView.pValue(l.pValue())),
                  l.matchedCosine() == null ? "n/a" : stat(l.matchedCosine())));
        }
        md.append('\n');
      }
    }
  }

  private static void transfer(ReportView view, StringBuilder md) {
    TransferEvidence t = view.report().transfer();
    if (t == null) {
      return;
    }
    md.append("## ").append(view.section(Section.TRANSFER).title()).append("\n\n");
    md.append(text(TransferEvidence.PROXY_NOTE)).append("\n\n");
    md.append(
            t.runHere()
                ? "Run in this scan"
                : "Not run here: cited from " + t.source().name().toLowerCase(Locale.ROOT))
        .append(". Verdict: ")
        .append(text(t.verdict()))
        .append("\n\n");
    if (t.citation() != null && !t.citation().isBlank()) {
      md.append("Source: ").append(text(t.citation())).append("\n\n");
    }
    if (!t.arms().isEmpty()) {
      md.append(header("Arm", "Mean", "95% CI", "Models"));
      for (ArmRow a : t.arms()) {
        md.append(
            row(
                text(a.arm()),
                stat(a.mean()),
                text(TransferEvidence.spread(a)),
                String.valueOf(a.models())));
      }
      md.append('\n');
    }
    if (t.weights() != null) {
      md.append("### Weight test on the proxy\n\n")
          .append(text(ProxyWeightsView.headline(t.weights())))
          .append("\n\n")
          .append(text(t.weights().citation()))
          .append("\n\n")
          .append(header(ProxyWeightsView.COLUMNS.toArray(String[]::new)));
      for (ProxyWeightRow r : t.weights().rows()) {
        md.append(
            row(ProxyWeightsView.cells(r).stream().map(MarkdownText::text).toArray(String[]::new)));
      }
      md.append('\n');
    }
  }

  private static String sampleClause(Integer sample) {
    if (sample == null) {
      return "";
    }
    return sample == 0
        ? ", detectors test every record"
        : ", detectors test a sample of " + sample + " records per dataset";
  }

  private static void policy(ReportView view, StringBuilder md) {
    if (!view.section(Section.POLICY).shown()) {
      return;
    }
    PolicyView p = view.policy();
    md.append("## ").append(view.section(Section.POLICY).title()).append("\n\n");
    md.append(
            p.file() == null
                ? "Built-in policy"
                : "Policy file "
                    + code(p.file())
                    + (p.sha256() == null ? "" : " (sha256 " + code(shortHash(p.sha256())) + ")"))
        .append(": fail on ")
        .append(code(p.failOn()))
        .append(", detector alpha ")
        .append(stat(p.alpha()))
        .append(sampleClause(p.sample()))
        .append(".\n\n");
    for (String w : p.warnings()) {
      md.append("- Warning: ").append(text(w)).append('\n');
    }
    md.append(p.warnings().isEmpty() ? "" : "\n");
    if (!p.overrides().isEmpty()) {
      md.append(header("Override", "Severity", "Findings changed"));
      for (OverrideRow o : p.overrides()) {
        md.append(row(code(o.rule()), severity(o.severity()), String.valueOf(o.applied())));
      }
      md.append('\n');
      for (Finding f : p.overridden()) {
        md.append("- ")
            .append(code(f.id()))
            .append(' ')
            .append(code(f.rule()))
            .append(" on ")
            .append(code(f.subject()))
            .append(": ")
            .append(severity(f.overriddenFrom()))
            .append(" → ")
            .append(severity(f.severity()))
            .append('\n');
      }
      md.append(p.overridden().isEmpty() ? "" : "\n");
    }
    if (!p.suppressions().isEmpty()) {
      md.append(header("Suppression", "Reason", "Expires", "Matched"));
      for (SuppressionRow s : p.suppressions()) {
        md.append(
            row(
                code(s.match()),
                text(s.reason()),
                s.expires() == null
                    ? "never"
                    : text(s.expires()) + (s.expired() ? " **(expired)**" : ""),
                String.valueOf(s.matched())));
      }
      md.append('\n');
      for (Finding f : p.suppressed()) {
        md.append("- ")
            .append(code(f.id()))
            .append(' ')
            .append(severity(f.severity()))
            .append(' ')
            .append(code(f.rule()))
            .append(" on ")
            .append(code(f.subject()))
            .append(" suppressed: ")
            .append(text(f.suppressionReason()))
            .append('\n');
      }
      md.append(p.suppressed().isEmpty() ? "" : "\n");
    }
  }

  private static void compliance(ReportView view, StringBuilder md) {
    if (!view.section(Section.COMPLIANCE).shown()) {
      return;
    }
    md.append("## ").append(view.section(Section.COMPLIANCE).title()).append("\n\n");
    md.append(header("Framework", "Clause", "Title", "Id", "Rules", "Findings"));
    for (ClauseView v : view.byClause()) {
      var c = v.clause();
      md.append(
          row(
              text(c.framework()),
              text(c.clause()),
              text(c.title()),
              code(c.id()),
              codes(c.rules()),
              String.valueOf(v.findings())));
    }
    md.append('\n');
  }

  static String severity(Severity severity) {
    return severity == null ? "-" : "**" + severity.name() + "**";
  }

  private static String shortHash(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
