package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.List;

/**
 * The policy as applied: fail threshold (null: nothing fails), detector alpha, every suppression
 * with its use count, the policy file and its sha256 (null for the built-in defaults) and every
 * severity override with the number of findings it changed, the policy's warnings (a deprecated
 * spelling, a suppression that matches nothing), and the policy's default sample size per dataset
 * (null when the policy sets none; 0 = every record).
 */
public record PolicyInfo(
    Severity failOn,
    double alpha,
    List<SuppressionRow> suppressions,
    String file,
    String sha256,
    List<OverrideRow> overrides,
    List<String> warnings,
    Integer sample) {
  public PolicyInfo {
    suppressions = Lists.copy(suppressions);
    overrides = Lists.copy(overrides);
    warnings = Lists.copy(warnings);
  }

  /** The built-in policy's shape: no file, no overrides, no warnings. */
  public PolicyInfo(Severity failOn, double alpha, List<SuppressionRow> suppressions) {
    this(failOn, alpha, suppressions, null, null, List.of(), List.of(), null);
  }
}
