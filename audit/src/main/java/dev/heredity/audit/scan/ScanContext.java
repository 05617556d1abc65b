package dev.heredity.audit.scan;

import dev.heredity.audit.policy.Policy;
import dev.heredity.audit.report.Location;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Trait;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What every {@link ScanRule} reads: the lineage analysis, the detector runs (one per dataset with
 * a control set, in manifest order), the policy and today's date (for expiries), how paths are
 * shown, and the declared relations checked against local weights ({@link WeightsCheck.Report#NONE}
 * when not run).
 */
public record ScanContext(
    LineageAnalysis analysis,
    List<DatasetRun> runs,
    Policy policy,
    LocalDate today,
    DisplayPaths paths,
    ComplianceCatalog catalog,
    WeightsCheck.Report weights) {

  /** A context without a weights check. */
  public ScanContext(
      LineageAnalysis analysis,
      List<DatasetRun> runs,
      Policy policy,
      LocalDate today,
      DisplayPaths paths,
      ComplianceCatalog catalog) {
    this(analysis, runs, policy, today, paths, catalog, WeightsCheck.Report.NONE);
  }

  public ScanContext {
    Objects.requireNonNull(analysis, "analysis");
    runs = List.copyOf(runs);
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(today, "today");
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(catalog, "catalog");
    Objects.requireNonNull(weights, "weights");
  }

  /**
   * Starts a finding of {@code rule}: its id, compliance clauses and status are filled in for it.
   */
  public FindingBuilder finding(
      Class<? extends ScanRule> rule, Severity severity, String subject, String title) {
    String id = RuleDescriptor.of(rule).id();
    return new FindingBuilder(id, severity, subject, title, catalog.clauseIds(id));
  }

  /** The manifest's datasets by id, in manifest order. */
  public Map<String, DatasetSpec> datasets() {
    Map<String, DatasetSpec> byId = new LinkedHashMap<>();
    analysis.manifest().datasets().forEach(d -> byId.put(d.id(), d));
    return byId;
  }

  /** Pairs whose path or datasets include the dataset. */
  public List<RiskPair> pairsCarrying(String datasetId) {
    return analysis.pairs().stream()
        .filter(p -> p.path().contains(datasetId) || p.datasets().contains(datasetId))
        .toList();
  }

  /** Declared traits of the model and those inherited in weights from its bases. */
  public List<Trait> traits(String modelId) {
    return analysis.graph().traitsOf(modelId);
  }

  public Location location(SourceLocation at) {
    return paths.location(at);
  }
}
