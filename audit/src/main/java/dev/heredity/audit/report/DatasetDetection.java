package dev.heredity.audit.report;

import java.util.List;

/**
 * Detector results for one dataset against its reference (control) set. {@code pValue} is the
 * combined (adjusted) p-value; the verdict is the detector's, never recomputed from it. {@code
 * suspectRecords} and {@code referenceRecords} are the records read; {@code testedOn} says which of
 * them the tests ran on (null only for a detection not read from files).
 */
public record DatasetDetection(
    String dataset,
    String reference,
    DetectionVerdict verdict,
    double pValue,
    double alpha,
    int suspectRecords,
    int referenceRecords,
    TestedRecords testedOn,
    List<TestRow> tests,
    List<TokenRow> divergentTokens,
    List<String> formatNotes,
    List<LeakRow> leaks,
    List<String> notes) {

  public DatasetDetection {
    tests = Lists.copy(tests);
    divergentTokens = Lists.copy(divergentTokens);
    formatNotes = Lists.copy(formatNotes);
    leaks = Lists.copy(leaks);
    notes = Lists.copy(notes);
  }

  /** A detection without {@code testedOn}. */
  public DatasetDetection(
      String dataset,
      String reference,
      DetectionVerdict verdict,
      double pValue,
      double alpha,
      int suspectRecords,
      int referenceRecords,
      List<TestRow> tests,
      List<TokenRow> divergentTokens,
      List<String> formatNotes,
      List<LeakRow> leaks,
      List<String> notes) {
    this(
        dataset,
        reference,
        verdict,
        pValue,
        alpha,
        suspectRecords,
        referenceRecords,
        null,
        tests,
        divergentTokens,
        formatNotes,
        leaks,
        notes);
  }
}
