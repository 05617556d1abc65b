package dev.heredity.audit.report;

import java.util.List;

/**
 * Detector results for one dataset against its reference (control) set. {@code pValue} is the
 * combined (adjusted) p-value; the verdict is the detector's, never recomputed from it.
 */
public record DatasetDetection(
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

  public DatasetDetection {
    tests = Lists.copy(tests);
    divergentTokens = Lists.copy(divergentTokens);
    formatNotes = Lists.copy(formatNotes);
    leaks = Lists.copy(leaks);
    notes = Lists.copy(notes);
  }
}
