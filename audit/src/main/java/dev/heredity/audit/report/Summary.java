package dev.heredity.audit.report;

import java.util.Map;

/**
 * Counts for the report header. {@code findingsBySeverity} has keys critical..info in that order
 * (see {@link Severity#IDS}); {@code failing} counts findings with status FAILING; {@code failOn} is the
 * policy threshold id.
 */
public record Summary(
    int models,
    int datasets,
    int trainings,
    int pairs,
    Map<String, Integer> findingsBySeverity,
    int failing,
    String failOn) {

  public Summary {
    findingsBySeverity = Lists.copy(findingsBySeverity);
  }
}
