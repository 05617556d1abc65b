package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.List;

/**
 * A rule the scan checked: id, one-line summary, help text, default severity and compliance clause
 * ids.
 */
public record RuleRow(
    String id, String summary, String help, Severity defaultSeverity, List<String> compliance) {
  public RuleRow {
    compliance = Lists.copy(compliance);
  }
}
