package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Outcome of {@link Detection#run}. {@code verdict} is {@code "signal"} when the smallest
 * Benjamini-Yekutieli adjusted p-value of the content tests is below {@code alpha}, {@code "no-signal"}
 * otherwise, and {@code "not-run"} without a reference set ({@code pValue} is then 1). {@code input} says how
 * the files were read and sampled (null for an in-memory corpus).
 */
@JsonPropertyOrder({"verdict", "pValue", "alpha", "records", "tests", "divergentTokens", "format", "leaks", "notes", "input"})
public record DetectionReport(String verdict, double pValue, double alpha, RecordCounts records, List<TestResult> tests,
        List<DivergentToken> divergentTokens, FormatReport format, LeakReport leaks, List<String> notes, InputReport input) {

    public static final String SIGNAL = "signal";
    public static final String NO_SIGNAL = "no-signal";
    public static final String NOT_RUN = "not-run";

    public DetectionReport {
        tests = List.copyOf(tests);
        divergentTokens = List.copyOf(divergentTokens);
        notes = List.copyOf(notes);
    }

    /** A report without the reading section (in-memory corpora, fixtures). */
    public DetectionReport(String verdict, double pValue, double alpha, RecordCounts records, List<TestResult> tests,
            List<DivergentToken> divergentTokens, FormatReport format, LeakReport leaks, List<String> notes) {
        this(verdict, pValue, alpha, records, tests, divergentTokens, format, leaks, notes, null);
    }

    public boolean signal() {
        return SIGNAL.equals(verdict);
    }
}
