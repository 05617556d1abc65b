package dev.heredity.audit.report.view;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The verdict line: FAILED, PASSED, "PASSED WITH 1 OVERRIDE, 2 SUPPRESSED" when the policy changed
 * what would otherwise fail or show, or NOT GATED with {@code fail-on none}. Never a bare PASSED
 * when the policy silenced or lowered anything.
 *
 * @param gate one sentence on what fails the gate
 */
public record Headline(boolean failed, String status, String gate) {

  static Headline of(AuditReport report) {
    var summary = report.summary();
    if (report.failed()) {
      int n = summary.failing();
      return new Headline(
          true,
          "FAILED",
          n
              + (n == 1 ? " finding" : " findings")
              + " at or above "
              + summary.failOn().label()
              + " fail the gate.");
    }
    List<String> policy = new ArrayList<>();
    count(policy, report.overridden(), "override", "overrides");
    count(policy, report.suppressed(), "suppressed", "suppressed");
    count(
        policy,
        report.findings().stream().filter(f -> f.status() == Finding.Status.BASELINE).count(),
        "in baseline",
        "in baseline");
    String with =
        policy.isEmpty()
            ? ""
            : " WITH " + String.join(", ", policy).toUpperCase(java.util.Locale.ROOT);
    if (summary.failOn() == null) {
      return new Headline(false, "NOT GATED" + with, "Nothing fails the gate (fail-on none).");
    }
    return new Headline(
        false,
        "PASSED" + with,
        "No finding at or above "
            + summary.failOn().label()
            + " fails the gate"
            + (policy.isEmpty() ? "." : " after the policy (" + String.join(", ", policy) + ")."));
  }

  private static void count(List<String> parts, long n, String one, String many) {
    if (n > 0) {
      parts.add(n + " " + (n == 1 ? one : many));
    }
  }
}
