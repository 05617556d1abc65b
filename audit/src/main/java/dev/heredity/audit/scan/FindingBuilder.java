package dev.heredity.audit.scan;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.Location;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A raw finding under construction (its status is decided later by the policy). The id comes from
 * the rule, the subject and the key evidence ({@link FindingIds}), never from order or numbers.
 */
public final class FindingBuilder {
  private final String rule;
  private final Severity severity;
  private final String subject;
  private final String title;
  private final List<String> compliance;
  private String explanation = "";
  private List<String> evidence = List.of();
  private Location location;
  private final List<String> keys = new ArrayList<>();

  FindingBuilder(
      String rule, Severity severity, String subject, String title, List<String> compliance) {
    this.rule = rule;
    this.severity = Objects.requireNonNull(severity, "severity");
    this.subject = subject;
    this.title = title;
    this.compliance = compliance;
  }

  public FindingBuilder explanation(String text) {
    this.explanation = text;
    return this;
  }

  public FindingBuilder evidence(List<String> lines) {
    this.evidence = List.copyOf(lines);
    return this;
  }

  public FindingBuilder at(Location at) {
    this.location = at;
    return this;
  }

  /** Evidence that, with rule and subject, identifies this finding across runs. */
  public FindingBuilder key(String... idKeys) {
    keys.addAll(List.of(idKeys));
    return this;
  }

  public Finding build() {
    return new Finding(
        FindingIds.of(rule, subject, keys.toArray(String[]::new)),
        rule,
        severity,
        subject,
        title,
        explanation,
        evidence,
        location,
        compliance,
        Finding.Status.PASSING,
        null,
        null);
  }
}
