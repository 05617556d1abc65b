package dev.heredity.audit.report;

import java.util.List;

/**
 * A regulatory clause (e.g. EU AI Act Art. 10(2)(b)) and the rule ids whose findings help evidence
 * it.
 */
public record ComplianceClause(
    String id, String framework, String clause, String title, List<String> rules) {
  public ComplianceClause {
    rules = Lists.copy(rules);
  }
}
