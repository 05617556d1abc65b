package dev.heredity.interop;

import java.util.Objects;

/**
 * A finding of a scan, as the exports carry it. The audit maps its own findings to this neutral
 * form so that interop never depends on the audit module.
 *
 * @param rule the rule id, e.g. {@code same-base-pair}
 * @param severity lower-case severity id ({@code critical}, {@code high}, ...)
 * @param subject the id of the model or dataset it concerns, when there is one (else any text, or
 *     null)
 * @param title one line a reviewer can read
 */
public record AuditedFinding(String rule, String severity, String subject, String title) {
  public AuditedFinding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(title, "title");
  }
}
