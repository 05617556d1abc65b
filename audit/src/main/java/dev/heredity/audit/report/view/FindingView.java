package dev.heredity.audit.report.view;

import dev.heredity.audit.report.Finding;

/**
 * A finding with its labels: {@code status} says what the policy made of it, {@code severityNote}
 * says when an override changed its severity (null otherwise).
 */
public record FindingView(Finding finding, String status, String severityNote) {

  static FindingView of(Finding f) {
    String status =
        switch (f.status()) {
          case FAILING -> "failing";
          case PASSING -> "below the gate";
          case BASELINE -> "in baseline";
          case SUPPRESSED -> "suppressed";
        };
    String note =
        f.overriddenFrom() == null
            ? null
            : "overridden by policy from "
                + f.overriddenFrom().label()
                + " to "
                + f.severity().label();
    return new FindingView(f, status, note);
  }

  /** The status id for CSS classes and machine fields: failing, passing, baseline, suppressed. */
  public String statusId() {
    return finding.status().name().toLowerCase(java.util.Locale.ROOT);
  }
}
