package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.List;

/**
 * The policy as applied: fail threshold (null: nothing fails), detector alpha, every suppression with
 * its use count, the policy file and its sha256 (null for the built-in defaults) and every severity
 * override with the number of findings it changed.
 */
public record PolicyInfo(
    Severity failOn,
    double alpha,
    List<SuppressionRow> suppressions,
    String file,
    String sha256,
    List<OverrideRow> overrides) {
  public PolicyInfo {
    suppressions = Lists.copy(suppressions);
    overrides = Lists.copy(overrides);
  }

  /** The built-in policy's shape: no file, no overrides. */
  public PolicyInfo(Severity failOn, double alpha, List<SuppressionRow> suppressions) {
    this(failOn, alpha, suppressions, null, null, List.of());
  }
}
