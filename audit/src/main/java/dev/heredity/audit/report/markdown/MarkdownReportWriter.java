package dev.heredity.audit.report.markdown;

import static dev.heredity.audit.report.ReportNumbers.pValue;
import static dev.heredity.audit.report.ReportNumbers.stat;

import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.ComplianceClause;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.LeakRow;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.ReportWriter;
import dev.heredity.audit.report.Summary;
import dev.heredity.audit.report.SuppressionRow;
import dev.heredity.audit.report.TestRow;
import dev.heredity.audit.report.TokenRow;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.lineage.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;

/** {@code report.md}: a pull-request comment with the summary, the pairs table and findings with evidence. */
public final class MarkdownReportWriter implements ReportWriter {

  /** Divergent tokens shown per detection; the full list is in report.json. */
  private static final int MAX_TOKENS = 10;

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
    StringBuilder md = new StringBuilder();
    header(report, md);
    summary(report.summary(), md);
    pairs(report.pairs(), md);
    findings(report.findings(), md);
    detections(report.detections(), md);
    transfer(report.transfer(), md);
    suppressions(report, md);
    compliance(report.compliance(), md);
    out.write(md.toString());
    out.flush();
  }

  private static void header(AuditReport report, StringBuilder md) {
    Summary s = report.summary();
    md.append("# Heredity audit: ").append(report.failed() ? "FAILED" : "passed").append("\n\n");
    if (report.manifest() != null) {
      md.append("Manifest ").append(Md.code(report.manifest().path()));
      if (report.manifest().sha256() != null) {
        md.append(" (sha256 ").append(Md.code(shortHash(report.manifest().sha256()))).append(')');
      }
      md.append(", ");
    }
    md.append(Md.text(report.tool())).append(' ').append(Md.text(report.version())).append(".\n\n");
    if (report.failed()) {
      md.append("**").append(s.failing()).append(s.failing() == 1 ? " finding" : " findings")
          .append(" at or above `").append(s.failOn().label()).append("` fail the gate.**\n\n");
    } else {
      md.append(s.failOn() == null ? "Nothing fails the gate (fail-on none).\n\n"
          : "No finding at or above `" + s.failOn().label() + "` fails the gate.\n\n");
    }
  }

  private static void summary(Summary s, StringBuilder md) {
    md.append("## Summary\n\n");
    md.append(Md.header("Models", "Datasets", "Trainings", "Pairs", "Critical", "High", "Medium", "Low",
        "Info", "Failing"));
    md.append(Md.row(
        String.valueOf(s.models()), String.valueOf(s.datasets()), String.valueOf(s.trainings()),
        String.valueOf(s.pairs()), count(s, Severity.CRITICAL), count(s, Severity.HIGH),
        count(s, Severity.MEDIUM), count(s, Severity.LOW), count(s, Severity.INFO), String.valueOf(s.failing())));
    md.append('\n');
  }

  private static String count(Summary s, Severity severity) {
    return String.valueOf(s.findingsBySeverity().getOrDefault(severity, 0));
  }

  private static void pairs(List<PairRow> pairs, StringBuilder md) {
    md.append("## Teacher to student pairs\n\n");
    if (pairs.isEmpty()) {
      md.append("No teacher to student pairs in the lineage.\n\n");
      return;
    }
    md.append(Md.header("Severity", "Teacher", "Student", "Training", "Datasets", "Shared base"));
    for (PairRow p : pairs) {
      md.append(Md.row(
          severity(p.severity()), Md.code(p.teacher()), Md.code(p.student()), Md.code(p.training()),
          Md.codes(p.datasets()),
          p.sharedBase() ? "yes: " + Md.codes(p.sharedRoots()) : "no"));
    }
    md.append('\n');
  }

  private static void findings(List<Finding> findings, StringBuilder md) {
    md.append("## Findings\n\n");
    if (findings.isEmpty()) {
      md.append("No findings.\n\n");
      return;
    }
    for (Finding f : findings) {
      md.append("### ").append(severity(f.severity())).append(' ').append(Md.text(f.title()))
          .append("\n\n");
      md.append(Md.code(f.rule())).append(" on ").append(Md.code(f.subject()))
          .append(" · ").append(status(f)).append(" · id ").append(Md.code(f.id()));
      if (f.location() != null) {
        md.append(" · ").append(Md.code(f.location().display()));
      }
      md.append("\n\n");
      if (f.explanation() != null && !f.explanation().isBlank()) {
        md.append(Md.block(f.explanation())).append("\n\n");
      }
      for (String e : f.evidence()) {
        md.append("- ").append(Md.block(e)).append('\n');
      }
      if (!f.evidence().isEmpty()) {
        md.append('\n');
      }
      if (!f.compliance().isEmpty()) {
        md.append("Compliance: ").append(Md.codes(f.compliance())).append("\n\n");
      }
    }
  }

  private static String status(Finding f) {
    return switch (f.status()) {
      case FAILING -> "**failing**";
      case PASSING -> "below the gate";
      case BASELINE -> "in baseline";
      case SUPPRESSED -> "suppressed: " + Md.text(f.suppressionReason());
    };
  }

  private static void detections(List<DatasetDetection> detections, StringBuilder md) {
    if (detections.isEmpty()) {
      return;
    }
    md.append("## Detector evidence\n\n");
    for (DatasetDetection d : detections) {
      md.append("### ").append(Md.code(d.dataset())).append(" against ").append(Md.code(d.reference()))
          .append(": ").append(Md.text(d.verdict().label())).append("\n\n");
      md.append("Combined p = ").append(pValue(d.pValue())).append(" (alpha ").append(stat(d.alpha()))
          .append("); ").append(d.suspectRecords()).append(" suspect and ").append(d.referenceRecords())
          .append(" reference records.\n\n");
      if (!d.tests().isEmpty()) {
        md.append(Md.header("Test", "Statistic", "p", "Adjusted p", "Effect"));
        for (TestRow t : d.tests()) {
          md.append(Md.row(Md.code(t.id()) + " " + Md.text(t.description()), stat(t.statistic()),
              pValue(t.pValue()), pValue(t.adjustedPValue()), stat(t.effect())));
        }
        md.append('\n');
      }
      if (!d.divergentTokens().isEmpty()) {
        md.append(Md.header("Token", "Position", "z", "Suspect", "Reference"));
        for (TokenRow t : d.divergentTokens().subList(0, Math.min(MAX_TOKENS, d.divergentTokens().size()))) {
          md.append(Md.row(Md.code(t.token()), t.position() == null ? "any" : t.position().toString(),
              stat(t.zScore()), String.valueOf(t.suspectCount()), String.valueOf(t.referenceCount())));
        }
        md.append('\n');
      }
      for (LeakRow leak : d.leaks()) {
        md.append("- Leak query ").append(Md.code(leak.query())).append(": ").append(leak.hits())
            .append(leak.hits() == 1 ? " hit" : " hits").append('\n');
      }
      for (String note : concat(d.formatNotes(), d.notes())) {
        md.append("- ").append(Md.block(note)).append('\n');
      }
      if (!d.leaks().isEmpty() || !d.formatNotes().isEmpty() || !d.notes().isEmpty()) {
        md.append('\n');
      }
    }
  }

  private static void transfer(TransferEvidence t, StringBuilder md) {
    if (t == null) {
      return;
    }
    md.append("## Transfer evidence\n\n");
    md.append(t.runHere() ? "Run in this scan" : "Not run here: cited from " + t.source().name().toLowerCase(Locale.ROOT))
        .append(". Verdict: ").append(Md.text(t.verdict())).append("\n\n");
    if (t.citation() != null && !t.citation().isBlank()) {
      md.append("Source: ").append(Md.text(t.citation())).append("\n\n");
    }
    if (!t.arms().isEmpty()) {
      md.append(Md.header("Arm", "Mean", "95% CI", "Models"));
      for (ArmRow a : t.arms()) {
        md.append(Md.row(Md.text(a.arm()), stat(a.mean()), "± " + stat(a.ci95()), String.valueOf(a.models())));
      }
      md.append('\n');
    }
  }

  private static void suppressions(AuditReport report, StringBuilder md) {
    if (report.policy() == null || report.policy().suppressions().isEmpty()) {
      return;
    }
    md.append("## Suppressions\n\n");
    md.append(Md.header("Match", "Reason", "Expires", "Matched"));
    for (SuppressionRow s : report.policy().suppressions()) {
      md.append(Md.row(Md.code(s.match()), Md.text(s.reason()),
          s.expires() == null ? "never" : Md.text(s.expires()) + (s.expired() ? " **(expired)**" : ""),
          String.valueOf(s.matched())));
    }
    md.append('\n');
  }

  private static void compliance(List<ComplianceClause> clauses, StringBuilder md) {
    if (clauses.isEmpty()) {
      return;
    }
    md.append("## Compliance references\n\n");
    md.append(Md.header("Framework", "Clause", "Title", "Rules"));
    for (ComplianceClause c : clauses) {
      md.append(Md.row(Md.text(c.framework()), Md.text(c.clause()), Md.text(c.title()), Md.codes(c.rules())));
    }
    md.append('\n');
  }

  static String severity(Severity severity) {
    return severity == null ? "-" : "**" + severity.name() + "**";
  }

  private static String shortHash(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
  }
}
