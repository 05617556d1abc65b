package dev.heredity.audit.report.view;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.RuleRow;
import dev.heredity.lineage.Severity;
import java.util.List;

/**
 * A rule the scan checked, with its findings in report order and the clauses it helps evidence as
 * text. {@code level} is the severity its SARIF rule entry advertises: the worst finding's, or the
 * rule's default when it found nothing.
 */
public record RuleView(RuleRow rule, List<Finding> findings, List<String> clauses, Severity level) {
  public RuleView {
    findings = List.copyOf(findings);
    clauses = List.copyOf(clauses);
  }

  static RuleView of(RuleRow rule, List<Finding> findings, List<String> clauses) {
    Severity level =
        findings.stream()
            .map(Finding::severity)
            .min(Enum::compareTo)
            .orElse(rule.defaultSeverity());
    return new RuleView(rule, findings, clauses, level);
  }
}
