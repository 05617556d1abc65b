package dev.heredity.audit.report.view;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.OverrideRow;
import dev.heredity.audit.report.SuppressionRow;
import java.util.List;

/**
 * The policy as every report shows it: the file and its sha256, the threshold, each override (and
 * the findings whose severity it changed, before and after), each suppression and each finding it
 * silenced with the reason, and the policy's default sample size per dataset (null: not set; 0:
 * every record). {@code shown} is false only for the built-in defaults with nothing overridden or
 * suppressed.
 */
public record PolicyView(
    String file,
    String sha256,
    String failOn,
    double alpha,
    List<OverrideRow> overrides,
    List<SuppressionRow> suppressions,
    List<Finding> overridden,
    List<Finding> suppressed,
    List<String> warnings,
    Integer sample,
    boolean shown) {

  public PolicyView {
    overrides = List.copyOf(overrides);
    suppressions = List.copyOf(suppressions);
    overridden = List.copyOf(overridden);
    suppressed = List.copyOf(suppressed);
    warnings = List.copyOf(warnings);
  }

  static PolicyView of(AuditReport report) {
    var p = report.policy();
    List<Finding> overridden =
        report.findings().stream().filter(f -> f.overriddenFrom() != null).toList();
    List<Finding> suppressed =
        report.findings().stream().filter(f -> f.status() == Finding.Status.SUPPRESSED).toList();
    if (p == null) {
      return new PolicyView(
          null,
          null,
          report.summary().failOn() == null ? "none" : report.summary().failOn().label(),
          Double.NaN,
          List.of(),
          List.of(),
          overridden,
          suppressed,
          List.of(),
          null,
          !overridden.isEmpty() || !suppressed.isEmpty());
    }
    boolean shown =
        p.file() != null
            || !p.overrides().isEmpty()
            || !p.suppressions().isEmpty()
            || !overridden.isEmpty()
            || !suppressed.isEmpty();
    return new PolicyView(
        p.file(),
        p.sha256(),
        p.failOn() == null ? "none" : p.failOn().label(),
        p.alpha(),
        p.overrides(),
        p.suppressions(),
        overridden,
        suppressed,
        p.warnings(),
        p.sample(),
        shown || !p.warnings().isEmpty() || p.sample() != null);
  }
}
