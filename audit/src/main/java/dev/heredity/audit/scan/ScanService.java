package dev.heredity.audit.scan;

import dev.heredity.audit.policy.Baseline;
import dev.heredity.audit.policy.Policy;
import dev.heredity.audit.policy.PolicyEngine;
import dev.heredity.audit.policy.PolicyFile;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ManifestInfo;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.PolicyInfo;
import dev.heredity.audit.report.Summary;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.profile.ProfileFolder;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.weights.WeightsOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One audit from a manifest: the lineage analysis, the detectors on every dataset with a control
 * set, every rule of {@link ScanRules#ALL} over both, transfer evidence, then the policy
 * (overrides, suppressions, baseline, failOn). The result is an {@link AuditReport} with a stable
 * order, so the same inputs give byte-identical reports.
 */
public final class ScanService {
  private final ComplianceCatalog catalog;
  private final TransferStep transferStep;
  private final List<ScanRule> rules;

  public ScanService() {
    this(ComplianceCatalog.builtIn(), new TransferStep(), ScanRules.ALL);
  }

  ScanService(ComplianceCatalog catalog, TransferStep transferStep, List<ScanRule> rules) {
    this.catalog = catalog;
    this.transferStep = transferStep;
    this.rules = List.copyOf(rules);
  }

  /** The resolved inputs of a scan, for messages. */
  public record Inputs(Path manifest, Policy policy, Baseline baseline) {}

  /** Finds the manifest, loads the policy (CLI overrides applied) and the baseline. */
  public Inputs inputs(ScanOptions options) {
    DisplayPaths paths = new DisplayPaths(options.displayRoot());
    Path manifest = ManifestLocator.resolve(options.manifest());
    Path policyFile = options.policy();
    if (policyFile == null) {
      Path beside = manifest.toAbsolutePath().normalize().resolveSibling(PolicyFile.DEFAULT_NAME);
      policyFile = Files.isRegularFile(beside) ? beside : null;
    }
    Policy policy =
        policyFile == null
            ? Policy.defaults()
            : PolicyFile.load(policyFile, paths.show(policyFile), ScanRules.ids());
    if (options.failOn() != null) {
      policy = policy.withFailOn(options.failOn().threshold());
    }
    if (options.alpha() != null) {
      policy = policy.withAlpha(options.alpha());
    }
    Baseline baseline =
        options.baseline() == null
            ? Baseline.none()
            : Baseline.load(options.baseline(), paths.show(options.baseline()));
    return new Inputs(manifest, policy, baseline);
  }

  public AuditReport scan(ScanOptions options, ProgressListener progress) {
    Inputs inputs = inputs(options);
    DisplayPaths paths = new DisplayPaths(options.displayRoot());
    ManifestLoader.Loaded loaded =
        ManifestLoader.load(inputs.manifest(), new LineageOptions(options.allowOutside(), true));
    LineageAnalysis analysis = loaded.analysis();
    Policy policy = inputs.policy();

    List<DatasetRun> runs =
        new DetectorStep(analysis, paths)
            .run(
                new DetectorStep.Settings(
                    policy.alpha(),
                    options.permutations(),
                    options.seed(),
                    options.maxRecords(),
                    options.profiles() == null ? null : ProfileFolder.open(options.profiles()),
                    options.sample(),
                    policy.sample()),
                progress);
    WeightsOptions weightsOptions = WeightsOptions.defaults();
    WeightsCheck.Report weights =
        options.checkWeights()
            ? WeightsCheck.check(analysis, weightsOptions)
            : WeightsCheck.Report.NONE;
    ScanContext context =
        new ScanContext(analysis, runs, policy, options.today(), paths, catalog, weights);
    List<Finding> raw = new ArrayList<>();
    for (ScanRule rule : rules) {
      raw.addAll(rule.check(context));
    }
    raw = distinctById(raw);
    // The proxy experiment is evidence for the same-base mechanism only: without such a pair it
    // says nothing here.
    boolean sameBase = analysis.pairs().stream().anyMatch(RiskPair::sharedBase);
    TransferEvidence transfer =
        !sameBase
            ? null
            : switch (options.transfer()) {
              case RUN ->
                  transferStep.run(
                      options.transferModels(), options.seed(), options.checkWeights(), progress);
              case FILE ->
                  transferStep.read(options.transferResult(), paths.show(options.transferResult()));
              case REFERENCE -> ReferenceTransfer.evidence();
            };

    PolicyEngine.Outcome outcome =
        new PolicyEngine(policy, inputs.baseline(), options.today()).apply(raw);
    List<Finding> findings = new ArrayList<>(outcome.findings());
    findings.sort(
        Comparator.comparing(Finding::severity)
            .thenComparing(Finding::rule)
            .thenComparing(f -> String.valueOf(f.subject()))
            .thenComparing(Finding::id));

    GraphView graph = new GraphView(analysis.graph(), analysis.pairs());
    PairHops hops = new PairHops(analysis, paths);
    List<PairRow> pairs =
        analysis.pairs().stream().sorted(PAIR_ORDER).map(p -> pairRow(p, hops)).toList();
    TreeSet<String> rulesUsed = new TreeSet<>();
    findings.forEach(f -> rulesUsed.add(f.rule()));
    var manifest = analysis.manifest();
    Summary summary =
        new Summary(
            manifest.models().size(),
            manifest.datasets().size(),
            manifest.trainings().size(),
            pairs.size(),
            countBySeverity(findings),
            (int) findings.stream().filter(f -> f.status() == Finding.Status.FAILING).count(),
            policy.failOn());
    List<DatasetDetection> detections =
        runs.stream().filter(DatasetRun::ran).map(DetectionRows::row).toList();
    return new AuditReport(
        AuditReport.SCHEMA,
        "heredity",
        version(),
        new ManifestInfo(paths.show(inputs.manifest()), loaded.sha256()),
        summary,
        graph.nodes(),
        graph.edges(),
        pairs,
        findings,
        detections,
        transfer,
        WeightsRelations.evidence(weights, weightsOptions.alpha(), paths),
        new PolicyInfo(
            policy.failOn(),
            policy.alpha(),
            outcome.suppressions(),
            policy.source(),
            policy.sha256(),
            outcome.overrides(),
            outcome.warnings(),
            policy.sample()),
        catalog.clausesFor(rulesUsed),
        ScanRules.rows(catalog),
        null);
  }

  static final Comparator<RiskPair> PAIR_ORDER =
      Comparator.comparingInt((RiskPair p) -> p.severity().ordinal())
          .thenComparing(RiskPair::teacher)
          .thenComparing(RiskPair::student)
          .thenComparing(RiskPair::training);

  private static PairRow pairRow(RiskPair p, PairHops hops) {
    return new PairRow(
        p.teacher(),
        p.student(),
        p.training(),
        p.datasets(),
        p.path(),
        p.sharedBase(),
        p.sharedRoots(),
        p.severity(),
        hops.of(p));
  }

  /**
   * Keeps the first finding of each id (two findings with the same rule, subject and key are one).
   */
  private static List<Finding> distinctById(List<Finding> findings) {
    Map<String, Finding> byId = new LinkedHashMap<>();
    findings.forEach(f -> byId.putIfAbsent(f.id(), f));
    return new ArrayList<>(byId.values());
  }

  private static Map<Severity, Integer> countBySeverity(List<Finding> findings) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
    return counts;
  }

  static String version() {
    String version = ScanService.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
