package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.Map;

/**
 * Counts for the report header. {@code findingsBySeverity} has every severity as key,
 * critical..info in that order; {@code failing} counts findings with status FAILING; {@code failOn}
 * is the policy threshold, null when nothing fails the gate ({@code --fail-on none}).
 */
public record Summary(
    int models,
    int datasets,
    int trainings,
    int pairs,
    Map<Severity, Integer> findingsBySeverity,
    int failing,
    Severity failOn) {

  public Summary {
    findingsBySeverity = Lists.copy(findingsBySeverity);
  }
}
