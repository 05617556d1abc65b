package dev.heredity.audit.cli;

import dev.heredity.audit.scan.DetectionNotes;
import dev.heredity.detectors.ClassifierEffect;
import dev.heredity.detectors.DetectablePower;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DivergentToken;
import dev.heredity.detectors.FormatProfile;
import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.Note;
import dev.heredity.detectors.TestResult;
import java.util.Locale;
import java.util.Map;

/**
 * Human-readable rendering of a {@link DetectionReport} for {@code heredity detect --format table}.
 */
final class DetectTable {
  private static final int EVIDENCE_SHOWN = 3;

  private DetectTable() {}

  static String render(DetectionReport report) {
    StringBuilder out = new StringBuilder();
    line(
        out,
        "verdict: %s%s",
        report.verdict(),
        report.verdict().equals(DetectionReport.NOT_RUN)
            ? ""
            : String.format(
                Locale.ROOT,
                " (combined adjusted p = %.3g, alpha = %s)",
                report.pValue(),
                report.alpha()));
    if (report.power() != null
        && !report.signal()
        && !report.verdict().equals(DetectionReport.NOT_RUN)) {
      DetectablePower p = report.power();
      line(
          out,
          "minimum detectable effect: per-record AUC %.3f at %.0f%% power (level %.3g, %d records per set;"
              + " published transfers: about %.2f%s)",
          p.minimumDetectableAuc(),
          100 * p.power(),
          p.level(),
          p.recordsPerSide(),
          p.yardstickAuc(),
          p.adequate()
              ? ""
              : String.format(
                  Locale.ROOT, "; needs about %d records per set", p.recordsNeededPerSide()));
    }
    if (report.modality() != null) {
      line(out, "modality: %s (%s)", report.modality().modality(), report.modality().source());
    }
    line(
        out,
        "records: suspect %d, reference %d%s",
        report.records().suspect(),
        report.records().reference(),
        report.records().skippedSuspect() + report.records().skippedReference() > 0
            ? String.format(
                Locale.ROOT,
                " (skipped %d + %d malformed)",
                report.records().skippedSuspect(),
                report.records().skippedReference())
            : "");
    if (!report.tests().isEmpty()) {
      out.append('\n');
      line(out, "%-12s %12s %10s %10s %9s", "test", "statistic", "p-value", "adjusted", "effect");
      for (TestResult test : report.tests()) {
        line(
            out,
            "%-12s %12.4g %10.3g %10.3g %9.4f",
            test.id(),
            test.statistic(),
            test.pValue(),
            test.adjustedPValue(),
            test.effect());
      }
      for (TestResult test : report.tests()) {
        out.append('\n')
            .append(TerminalText.line(test.id()))
            .append(": ")
            .append(TerminalText.line(test.description()))
            .append('\n');
        test.evidence().stream()
            .limit(EVIDENCE_SHOWN)
            .forEach(e -> out.append("  ").append(TerminalText.line(e)).append('\n'));
      }
    }
    if (report.classifier() != null) {
      ClassifierEffect c = report.classifier();
      out.append("\nclassifier effect sizes (95% CI):\n");
      estimate(out, "per-record AUC", c.auc());
      estimate(out, "bag-of-8 AUC", c.bag8());
      estimate(out, "bag-of-16 AUC", c.bag16());
    }
    if (!report.divergentTokens().isEmpty()) {
      out.append("\ndivergent tokens (log-odds z, + = more in suspect):\n");
      for (DivergentToken token : report.divergentTokens()) {
        line(
            out,
            "  %-10s %-12s z = %+7.2f  suspect %d, reference %d",
            "'" + token.token() + "'",
            token.position() == null ? "any position" : "position " + token.position(),
            token.zScore(),
            token.suspectCount(),
            token.referenceCount());
      }
    }
    format(out, report);
    leaks(out, report.leaks());
    if (!report.notes().isEmpty()) {
      out.append('\n');
      report
          .notes()
          .forEach(
              n ->
                  out.append("note: ")
                      .append(TerminalText.line(DetectionNotes.text(n) + hint(n)))
                      .append('\n'));
    }
    return out.toString();
  }

  private static void estimate(StringBuilder out, String name, ClassifierEffect.Estimate e) {
    line(out, "  %-15s %.4f (%.4f-%.4f)", name, e.estimate(), e.low(), e.high());
  }

  /** What a user of this command can do about a note. */
  private static String hint(Note note) {
    return switch (note.code()) {
      case Note.NO_REFERENCE -> " Pass the control set with --reference FILE.";
      case Note.NO_CONTENT_TOKENS -> " Check --modality and --field.";
      case Note.FEW_PERMUTATIONS -> " Raise --permutations.";
      case Note.MODALITY_DETECTED -> " Set --modality to override.";
      default -> "";
    };
  }

  private static void format(StringBuilder out, DetectionReport report) {
    out.append("\nformat (reported apart from the verdict):\n");
    profile(out, "suspect", report.format().suspect());
    if (report.format().reference() != null) {
      profile(out, "reference", report.format().reference());
    }
    if (report.format().test() != null) {
      line(
          out,
          "  format test: G = %.4g, p = %.3g, JSD = %.4f",
          report.format().test().statistic(),
          report.format().test().pValue(),
          report.format().test().effect());
    }
  }

  private static void profile(StringBuilder out, String name, FormatProfile profile) {
    StringBuilder classes = new StringBuilder();
    for (Map.Entry<String, Map<String, Double>> group : profile.classes().entrySet()) {
      Map.Entry<String, Double> top =
          group.getValue().entrySet().stream()
              .max(
                  Map.Entry.<String, Double>comparingByValue()
                      .thenComparing(Map.Entry::getKey, java.util.Comparator.reverseOrder()))
              .orElseThrow();
      classes.append(
          String.format(
              Locale.ROOT, " %s=%s %.0f%%;", group.getKey(), top.getKey(), 100 * top.getValue()));
    }
    line(
        out,
        "  %-9s %s%s",
        name,
        profile.conforming() == null
            ? ""
            : String.format(Locale.ROOT, "conforming %.1f%%;", 100 * profile.conforming()),
        classes);
  }

  private static void leaks(StringBuilder out, LeakReport leaks) {
    if (leaks.traits().isEmpty() && leaks.blocklist() == null) {
      return;
    }
    out.append("\nleak scan (suspect records):\n");
    for (LeakReport.TraitLeak trait : leaks.traits()) {
      line(out, "  trait '%s' %s: %d records", trait.trait(), trait.terms(), trait.records());
      trait
          .hits()
          .forEach(
              h -> line(out, "    record %d (line %d): %s", h.record(), h.line(), h.snippet()));
    }
    if (leaks.blocklist() != null) {
      LeakReport.BlocklistLeak block = leaks.blocklist();
      line(
          out,
          "  blocklist (%d numbers): %d records, %.1f%% of suspect%s",
          block.numbers(),
          block.records(),
          100 * block.suspectRate(),
          block.referenceRate() == null
              ? ""
              : String.format(Locale.ROOT, " vs %.1f%% of reference", 100 * block.referenceRate()));
    }
  }

  /**
   * Text arguments come from the data (tokens, snippets, trait words): shown escaped, one line
   * each.
   */
  private static void line(StringBuilder out, String format, Object... args) {
    Object[] safe = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      safe[i] =
          args[i] instanceof CharSequence || args[i] instanceof java.util.Collection<?>
              ? TerminalText.line(String.valueOf(args[i]))
              : args[i];
    }
    out.append(String.format(Locale.ROOT, format, safe)).append('\n');
  }
}
