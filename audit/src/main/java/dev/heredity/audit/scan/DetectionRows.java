package dev.heredity.audit.scan;

import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.DetectionVerdict;
import dev.heredity.audit.report.LeakRow;
import dev.heredity.audit.report.ReportNumbers;
import dev.heredity.audit.report.TestRow;
import dev.heredity.audit.report.TestedRecords;
import dev.heredity.audit.report.TokenRow;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.FormatReport;
import dev.heredity.detectors.LeakReport;
import dev.heredity.detectors.Note;
import dev.heredity.detectors.TestResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A detection as the report shows it: tests with their significance (as the detection decided it:
 * adjusted p strictly below alpha), the strongest divergent tokens, format notes and leak queries.
 */
public final class DetectionRows {
  /** Divergent tokens kept in the report (the strongest first). */
  public static final int MAX_TOKENS = 20;

  /** Example records kept per leak query. */
  public static final int MAX_EXAMPLES = 3;

  static final Comparator<TokenRow> TOKEN_ORDER =
      Comparator.comparingDouble((TokenRow t) -> -Math.abs(t.zScore()))
          .thenComparing(t -> t.position() == null ? 0 : t.position())
          .thenComparing(TokenRow::token);

  private DetectionRows() {}

  public static DatasetDetection row(DatasetRun run) {
    DetectionReport r = run.report();
    List<TestRow> tests = r.tests().stream().map(t -> testRow(t, r.alpha())).toList();
    // Strongest first, whether positional or not, so the report's short table shows the "where".
    List<TokenRow> tokens =
        r.divergentTokens().stream()
            .map(
                t ->
                    new TokenRow(
                        t.token(), t.position(), t.zScore(), t.suspectCount(), t.referenceCount()))
            .sorted(TOKEN_ORDER)
            .limit(MAX_TOKENS)
            .toList();
    return new DatasetDetection(
        run.dataset().id(),
        run.dataset().reference(),
        DetectionVerdict.of(r.verdict()),
        r.pValue(),
        r.alpha(),
        r.records().suspect(),
        r.records().reference(),
        run.testedOn(),
        tests,
        tokens,
        formatNotes(r.format()),
        leakRows(r.leaks()),
        noteTexts(run));
  }

  /**
   * The detection's notes in words, less those the run's {@link TestedRecords} already says
   * (sampling, first N).
   */
  public static List<String> noteTexts(DatasetRun run) {
    List<Note> notes = run.report().notes();
    if (run.testedOn() != null) {
      notes =
          notes.stream()
              .filter(
                  n -> !n.code().equals(Note.SAMPLED) && !n.code().equals(Note.FIRST_RECORDS_ONLY))
              .toList();
    }
    return DetectionNotes.texts(notes);
  }

  /** Records per side the tests ran on (the smaller side), or read when that is not known. */
  public static long testedPerSide(DatasetRun run) {
    TestedRecords t = run.testedOn();
    return t == null
        ? Math.min(run.report().records().suspect(), run.report().records().reference())
        : Math.min(t.suspect().tested(), t.reference().tested());
  }

  /** The detection's own rule: a test counts when its adjusted p-value is below alpha. */
  public static boolean significant(double adjustedPValue, double alpha) {
    return adjustedPValue < alpha;
  }

  private static TestRow testRow(TestResult t, double alpha) {
    return new TestRow(
        t.id(),
        t.description(),
        t.statistic(),
        t.pValue(),
        t.adjustedPValue(),
        t.effect(),
        t.evidence(),
        significant(t.adjustedPValue(), alpha));
  }

  public static List<String> formatNotes(FormatReport format) {
    List<String> notes = new ArrayList<>();
    if (format == null) {
      return notes;
    }
    if (format.suspect() != null && format.suspect().conforming() != null) {
      String line = "number filter conformance: suspect " + percent(format.suspect().conforming());
      if (format.reference() != null && format.reference().conforming() != null) {
        line += ", reference " + percent(format.reference().conforming());
      }
      notes.add(line);
    }
    if (format.test() != null) {
      notes.add(
          "format test ("
              + format.test().id()
              + "): p = "
              + ReportNumbers.pValue(format.test().pValue())
              + " (kept out of the content verdict)");
    }
    return notes;
  }

  public static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
  }

  private static List<LeakRow> leakRows(LeakReport leaks) {
    List<LeakRow> rows = new ArrayList<>();
    if (leaks == null) {
      return rows;
    }
    for (LeakReport.TraitLeak t : leaks.traits()) {
      rows.add(new LeakRow(t.trait(), t.records(), examples(t.hits())));
    }
    if (leaks.blocklist() != null) {
      LeakReport.BlocklistLeak b = leaks.blocklist();
      String query =
          "blocklist ("
              + b.numbers()
              + " numbers): suspect rate "
              + percent(b.suspectRate())
              + (b.referenceRate() == null ? "" : ", reference rate " + percent(b.referenceRate()));
      rows.add(new LeakRow(query, b.records(), examples(b.hits())));
    }
    return rows;
  }

  public static List<String> examples(List<LeakReport.LeakHit> hits) {
    return hits.stream()
        .limit(MAX_EXAMPLES)
        .map(h -> "record " + h.record() + ": " + h.snippet())
        .toList();
  }
}
