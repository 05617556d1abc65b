package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Outcome of {@link Detection#run}. {@code verdict} is {@code "signal"} when the combined p-value
 * of the content tests (weighted Bonferroni) is below {@code alpha}; {@code "inconclusive"} when it
 * is not but the suite could not have detected an effect the size of the published ones ({@code
 * power}), or no content test could run; {@code "no-signal"} otherwise; {@code "not-run"} without a
 * reference set ({@code pValue} is then 1). {@code classifier} and {@code power} are {@code null}
 * when the classifier could not run; {@code modality} is {@code null} only in reports built by
 * hand. {@code input} says how the files were read and sampled (null for an in-memory corpus).
 */
@JsonPropertyOrder({
  "verdict",
  "pValue",
  "alpha",
  "modality",
  "records",
  "tests",
  "classifier",
  "power",
  "divergentTokens",
  "format",
  "leaks",
  "notes",
  "input"
})
public record DetectionReport(
    String verdict,
    double pValue,
    double alpha,
    ModalityChoice modality,
    RecordCounts records,
    List<TestResult> tests,
    ClassifierEffect classifier,
    DetectablePower power,
    List<DivergentToken> divergentTokens,
    FormatReport format,
    LeakReport leaks,
    List<Note> notes,
    InputReport input) {

  public static final String SIGNAL = "signal";
  public static final String NO_SIGNAL = "no-signal";
  public static final String INCONCLUSIVE = "inconclusive";
  public static final String NOT_RUN = "not-run";

  public DetectionReport {
    tests = List.copyOf(tests);
    divergentTokens = List.copyOf(divergentTokens);
    notes = List.copyOf(notes);
  }

  /**
   * A report without modality, classifier effect or power data (fixtures, callers that build
   * reports).
   */
  public DetectionReport(
      String verdict,
      double pValue,
      double alpha,
      RecordCounts records,
      List<TestResult> tests,
      List<DivergentToken> divergentTokens,
      FormatReport format,
      LeakReport leaks,
      List<Note> notes) {
    this(
        verdict,
        pValue,
        alpha,
        null,
        records,
        tests,
        null,
        null,
        divergentTokens,
        format,
        leaks,
        notes,
        null);
  }

  /** A report without the reading section (in-memory corpora, fixtures). */
  public DetectionReport(
      String verdict,
      double pValue,
      double alpha,
      ModalityChoice modality,
      RecordCounts records,
      List<TestResult> tests,
      ClassifierEffect classifier,
      DetectablePower power,
      List<DivergentToken> divergentTokens,
      FormatReport format,
      LeakReport leaks,
      List<Note> notes) {
    this(
        verdict,
        pValue,
        alpha,
        modality,
        records,
        tests,
        classifier,
        power,
        divergentTokens,
        format,
        leaks,
        notes,
        null);
  }

  public boolean signal() {
    return SIGNAL.equals(verdict);
  }

  public boolean inconclusive() {
    return INCONCLUSIVE.equals(verdict);
  }
}
