package dev.heredity.audit.report;

import java.util.List;

/**
 * One statistical test of a detection: statistic, raw and multiplicity-adjusted p-value, effect
 * size, and whether the detection counted it as significant (decided once, where the detection is
 * read).
 */
public record TestRow(
    String id,
    String description,
    double statistic,
    double pValue,
    double adjustedPValue,
    double effect,
    List<String> evidence,
    boolean significant) {

  public TestRow {
    evidence = Lists.copy(evidence);
  }
}
