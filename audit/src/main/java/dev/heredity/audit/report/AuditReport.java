package dev.heredity.audit.report;

import java.util.List;
import java.util.Objects;

/**
 * The finished audit: everything a report writer may show. Writers read only this value, never the
 * lineage graph or the detectors. Lists are copied (null becomes empty) and keep their order, so the
 * builder decides the (stable) order once.
 */
public record AuditReport(
    String schema,
    String tool,
    String version,
    ManifestInfo manifest,
    Summary summary,
    List<GraphNode> nodes,
    List<GraphEdge> edges,
    List<PairRow> pairs,
    List<Finding> findings,
    List<DatasetDetection> detections,
    TransferEvidence transfer,
    PolicyInfo policy,
    List<ComplianceClause> compliance) {

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
  }

  /** True when any finding has status {@link Finding.Status#FAILING}: the CI gate's answer. */
  public boolean failed() {
    return findings.stream().anyMatch(f -> f.status() == Finding.Status.FAILING);
  }
}
