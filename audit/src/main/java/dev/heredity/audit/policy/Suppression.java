package dev.heredity.audit.policy;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Location;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Silences findings: either one finding by its id, or every finding of {@code rule} whose subject
 * is {@code subject} ({@code "*"} matches any subject). A reason is required; after {@code expires}
 * (inclusive of that day) the suppression stops working and the audit reports it.
 */
public record Suppression(
    String findingId,
    String rule,
    String subject,
    String reason,
    LocalDate expires,
    Location location) {

  public static final String ANY_SUBJECT = "*";

  public Suppression {
    boolean byId = findingId != null && !findingId.isBlank();
    boolean byRule = rule != null && !rule.isBlank();
    if (byId == byRule) {
      throw new IllegalArgumentException(
          "a suppression needs either 'id' or 'rule' + 'subject', not both or neither");
    }
    if (byRule && (subject == null || subject.isBlank())) {
      throw new IllegalArgumentException(
          "a suppression by 'rule' needs a 'subject' (use \"*\" for every subject)");
    }
    if (byId && subject != null) {
      throw new IllegalArgumentException("'subject' goes with 'rule', not with 'id'");
    }
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a suppression needs a 'reason'");
    }
  }

  /** What it matches, as shown in reports: the finding id, or {@code rule:subject}. */
  public String match() {
    return findingId != null ? findingId : rule + ":" + subject;
  }

  public boolean matches(Finding finding) {
    if (findingId != null) {
      return findingId.equals(finding.id());
    }
    return rule.equals(finding.rule())
        && (ANY_SUBJECT.equals(subject) || subject.equals(finding.subject()));
  }

  /**
   * True once {@code today} is past the expiry date (a suppression expiring 2026-12-31 works that
   * whole day).
   */
  public boolean expiredOn(LocalDate today) {
    return expires != null && today.isAfter(Objects.requireNonNull(expires));
  }
}
