package dev.heredity.audit.report;

import java.util.List;

/** The policy as applied: fail threshold, detector alpha and every suppression with its use count. */
public record PolicyInfo(String failOn, double alpha, List<SuppressionRow> suppressions) {
  public PolicyInfo {
    suppressions = Lists.copy(suppressions);
  }
}
