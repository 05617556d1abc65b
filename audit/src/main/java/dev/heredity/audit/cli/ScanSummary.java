package dev.heredity.audit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ReportNumbers;
import dev.heredity.audit.report.Summary;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.TransferSource;
import dev.heredity.audit.report.json.ReportJson;
import dev.heredity.audit.report.view.ReportView;
import dev.heredity.audit.report.view.WeightsView;
import dev.heredity.lineage.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The short summary {@code scan} prints on stdout: a table for people, or one JSON object for
 * tools.
 */
final class ScanSummary {
  /** Every line of the table summary fits this many columns; the reports keep the full ids. */
  static final int WIDTH = 120;

  private static final int MIN_COLUMN = 8;
  private static final String ELLIPSIS = "\u2026";

  private ScanSummary() {}

  /**
   * Subjects are cut to this many characters so a row fits 120 columns (report.md has them whole).
   */
  static final int MAX_SUBJECT = 48;

  static String table(AuditReport report) {
    return wrap(body(report), WIDTH);
  }

  private static String body(AuditReport report) {
    StringBuilder s = new StringBuilder();
    var sum = report.summary();
    ReportView view = ReportView.of(report);
    s.append("Heredity audit: ")
        .append(view.headline().status())
        .append('\n')
        .append(view.headline().gate())
        .append('\n');
    s.append("Manifest: ").append(TerminalText.line(report.manifest().path())).append('\n');
    s.append(
        String.format(
            Locale.ROOT,
            "%d models, %d datasets, %d trainings, %d teacher/student pairs%n",
            sum.models(),
            sum.datasets(),
            sum.trainings(),
            sum.pairs()));
    s.append("Findings: ")
        .append(
            sum.findingsBySeverity().entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey().label())
                .collect(Collectors.joining(", ")))
        .append(" (")
        .append(sum.failing())
        .append(" failing at '")
        .append(sum.failOn() == null ? "none" : sum.failOn().label())
        .append("')\n\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"SEVERITY", "STATUS", "RULE", "SUBJECT", "ID"});
    for (Finding f : report.findings()) {
      rows.add(
          new String[] {
            f.severity().label(),
            f.status().name().toLowerCase(Locale.ROOT),
            TerminalText.line(f.rule()),
            fit(TerminalText.line(String.valueOf(f.subject())), MAX_SUBJECT),
            TerminalText.line(f.id())
          });
    }
    s.append(columns(rows));
    if (!report.detections().isEmpty()) {
      s.append('\n');
      for (DatasetDetection d : report.detections()) {
        s.append(
            String.format(
                Locale.ROOT,
                "Detectors: %s vs %s: %s (combined p = %s, alpha %s; %d vs %d records%s)%n",
                TerminalText.line(d.dataset()),
                TerminalText.line(d.reference()),
                d.verdict().label(),
                ReportNumbers.pValue(d.pValue()),
                ReportNumbers.stat(d.alpha()),
                d.suspectRecords(),
                d.referenceRecords(),
                d.testedOn() == null ? "" : "; tests on " + d.testedOn().brief()));
      }
    }
    boolean blank = !report.detections().isEmpty();
    WeightsView w = view.weights();
    if (w != null) {
      s.append(blank ? "" : "\n").append("Weights: ").append(TerminalText.line(w.counts()));
      // The terminal is not a reproducible artefact: the run time is always shown here.
      if (w.evidence().seconds() != null) {
        s.append(String.format(Locale.ROOT, " (%.1f s)", w.evidence().seconds()));
      }
      s.append('\n');
      for (WeightsView.RelationView v : w.relations()) {
        s.append("  ")
            .append(TerminalText.line(v.relation().subject()))
            .append(": ")
            .append(v.relation().outcome().label())
            .append(": ")
            .append(
                TerminalText.line(
                    v.relation().verdict() == null
                        ? v.relation().detail()
                        : "weights " + v.weights() + ", declared " + v.relation().declared()))
            .append('\n');
      }
      blank = true;
    }
    TransferEvidence t = report.transfer();
    if (t != null) {
      s.append(blank ? "" : "\n")
          .append("MNIST-proxy mechanism evidence (")
          .append(
              t.runHere()
                  ? "run here"
                  : t.source() == TransferSource.FILE
                      ? "from file"
                      : "reference figures, not run here")
          .append("): ")
          .append(t.verdict())
          .append("; ")
          .append(
              t.arms().stream()
                  .filter(a -> a.arm().endsWith("-init"))
                  .map(ScanSummary::arm)
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    return s.toString();
  }

  private static String arm(ArmRow a) {
    return a.arm()
        + " "
        + ReportNumbers.stat(a.mean())
        + "%"
        + (a.ci95() != null
            ? " +/- " + ReportNumbers.stat(a.ci95())
            : a.perModel().isEmpty()
                ? ""
                : " (per model: "
                    + String.join(", ", a.perModel().stream().map(ReportNumbers::stat).toList())
                    + ")");
  }

  /**
   * Aligned columns two spaces apart; when too wide, the widest column shrinks and its cells end in
   * an ellipsis.
   */
  static String columns(List<String[]> rows) {
    int[] widths = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], length(row[i]));
      }
    }
    int budget = WIDTH - 2 * (widths.length - 1);
    while (java.util.Arrays.stream(widths).sum() > budget) {
      int widest = 0;
      for (int i = 1; i < widths.length; i++) {
        widest = widths[i] > widths[widest] ? i : widest;
      }
      if (widths[widest] <= MIN_COLUMN) {
        break;
      }
      widths[widest]--;
    }
    StringBuilder s = new StringBuilder();
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = fit(row[i], widths[i]);
        line.append(cell);
        if (i < row.length - 1) {
          line.append(" ".repeat(widths[i] - length(cell) + 2));
        }
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    return s.toString();
  }

  private static int length(String text) {
    return text.codePointCount(0, text.length());
  }

  /**
   * {@code text} cut to {@code width} code points, the last one an ellipsis when something was cut.
   */
  static String fit(String text, int width) {
    if (length(text) <= width) {
      return text;
    }
    return text.substring(0, text.offsetByCodePoints(0, width - 1)) + ELLIPSIS;
  }

  /**
   * Prose lines longer than {@code width} break at spaces (or anywhere, for one long word),
   * indented by two.
   */
  static String wrap(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String rest = line;
      String indent = "";
      while (length(indent + rest) > width) {
        String all = indent + rest;
        String head = all.substring(0, all.offsetByCodePoints(0, width));
        int cut = all.charAt(head.length()) == ' ' ? head.length() : head.lastIndexOf(' ');
        if (cut <= indent.length()) {
          cut = head.length();
        }
        out.append(head, 0, cut).append('\n');
        rest = (indent + rest).substring(cut).stripLeading();
        indent = "  ";
      }
      out.append(indent).append(rest).append('\n');
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  /**
   * The JSON summary: what was written where, the gate's answer, the counts and one line per
   * finding.
   */
  record Json(
      String manifest,
      String out,
      List<String> reports,
      boolean failed,
      Summary summary,
      List<FindingLine> findings) {}

  record FindingLine(
      String id,
      String rule,
      Severity severity,
      Finding.Status status,
      String subject,
      String title) {}

  static String json(AuditReport report, Path out, List<Path> written) {
    Json json =
        new Json(
            report.manifest().path(),
            out.toString().replace('\\', '/'),
            written.stream().map(p -> p.getFileName().toString()).toList(),
            report.failed(),
            report.summary(),
            report.findings().stream()
                .map(
                    f ->
                        new FindingLine(
                            f.id(), f.rule(), f.severity(), f.status(), f.subject(), f.title()))
                .toList());
    try {
      return ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
