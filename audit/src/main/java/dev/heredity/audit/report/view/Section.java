package dev.heredity.audit.report.view;

/**
 * One section of a report, in page order: whether it is shown and what it says when it has nothing.
 */
public record Section(String id, String title, boolean shown, String emptyText) {
  public static final String SUMMARY = "summary";
  public static final String LINEAGE = "lineage";
  public static final String PAIRS = "pairs";
  public static final String FINDINGS = "findings";
  public static final String DETECTORS = "detectors";
  public static final String WEIGHTS = "weights";
  public static final String TRANSFER = "transfer";
  public static final String POLICY = "policy";
  public static final String COMPLIANCE = "compliance";
}
