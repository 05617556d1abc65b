package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.List;
import java.util.Objects;

/**
 * The finished audit: everything a report writer may show. Writers read only this value, never the
 * lineage graph or the detectors. Lists are copied (null becomes empty) and keep their order, so
 * the builder decides the (stable) order once. {@code rules} describes every rule the scan checked
 * (id, summary, help, default severity, clauses), for writers that list what was checked; it is
 * tool metadata and is left out of {@code report.json}. {@code stamp} is null unless the user asked
 * for one ({@code scan --stamp}): without it the reports carry no time and stay byte-identical
 * across runs. {@code weights} is null when the scan's weights check did not run or no pair points
 * at local weights.
 */
public record AuditReport(
    String schema,
    String tool,
    String version,
    ManifestInfo manifest,
    Summary summary,
    List<NodeRow> nodes,
    List<EdgeRow> edges,
    List<PairRow> pairs,
    List<Finding> findings,
    List<DatasetDetection> detections,
    TransferEvidence transfer,
    WeightsEvidence weights,
    PolicyInfo policy,
    List<ComplianceClause> compliance,
    List<RuleRow> rules,
    Stamp stamp) {

  /** Schema id written to and expected in {@code report.json}. */
  public static final String SCHEMA = "heredity-report/1";

  public AuditReport {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(summary, "summary");
    nodes = Lists.copy(nodes);
    edges = Lists.copy(edges);
    pairs = Lists.copy(pairs);
    findings = Lists.copy(findings);
    detections = Lists.copy(detections);
    compliance = Lists.copy(compliance);
    rules = Lists.copy(rules);
  }

  /** The same report carrying {@code value} as its stamp. */
  public AuditReport withStamp(Stamp value) {
    return new AuditReport(
        schema,
        tool,
        version,
        manifest,
        summary,
        nodes,
        edges,
        pairs,
        findings,
        detections,
        transfer,
        weights,
        policy,
        compliance,
        rules,
        value);
  }

  /** The same report carrying {@code value} as its weights check. */
  public AuditReport withWeights(WeightsEvidence value) {
    return new AuditReport(
        schema,
        tool,
        version,
        manifest,
        summary,
        nodes,
        edges,
        pairs,
        findings,
        detections,
        transfer,
        value,
        policy,
        compliance,
        rules,
        stamp);
  }

  /**
   * The rule row for {@code id}, or null when the report does not describe it (e.g. read from
   * JSON).
   */
  public RuleRow rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }

  /** Findings whose severity a policy override changed. */
  public long overridden() {
    return findings.stream().filter(f -> f.overriddenFrom() != null).count();
  }

  /** Findings a suppression silenced. */
  public long suppressed() {
    return findings.stream().filter(f -> f.status() == Finding.Status.SUPPRESSED).count();
  }

  /** Findings at {@code severity} or above, whatever their status. */
  public long atLeast(Severity severity) {
    return findings.stream().filter(f -> f.severity().atLeast(severity)).count();
  }

  /** True when any finding has status {@link Finding.Status#FAILING}: the CI gate's answer. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAILING);
  }
}
