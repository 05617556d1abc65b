package dev.heredity.audit.scan;

import dev.heredity.audit.policy.Baseline;
import dev.heredity.audit.policy.Policy;
import dev.heredity.audit.policy.PolicyEngine;
import dev.heredity.audit.policy.PolicyFile;
import dev.heredity.audit.policy.Suppression;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ManifestInfo;
import dev.heredity.audit.report.PairRow;
import dev.heredity.audit.report.PolicyInfo;
import dev.heredity.audit.report.Severity;
import dev.heredity.audit.report.Summary;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.lineage.Diagnostic;
import dev.heredity.interop.LineageSources;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.RiskPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One audit from a manifest: lineage pairs and findings, detectors on every dataset with a control set,
 * transfer evidence, then the policy (overrides, suppressions, baseline, failOn). The result is an
 * {@link AuditReport} with a stable order, so the same inputs give byte-identical reports.
 */
public final class ScanService {
    /** Rule id for lineage warnings (missing files...) that have no rule of their own. */
    public static final String LINEAGE_WARNING = "lineage-warning";
    static final String UNATTRIBUTED_RULE = "unattributed-synthetic-data";

    private final ComplianceCatalog catalog;
    private final TransferStep transferStep;

    public ScanService() {
        this(ComplianceCatalog.builtIn(), new TransferStep());
    }

    ScanService(ComplianceCatalog catalog, TransferStep transferStep) {
        this.catalog = catalog;
        this.transferStep = transferStep;
    }

    /** The resolved inputs of a scan, for messages. */
    public record Inputs(Path manifest, Policy policy, Baseline baseline) {
    }

    /** Finds the manifest, loads the policy (CLI overrides applied) and the baseline. */
    public Inputs inputs(ScanOptions options) {
        DisplayPaths paths = new DisplayPaths(options.displayRoot());
        Path manifest = ManifestLocator.resolve(options.manifest());
        Path policyFile = options.policy();
        if (policyFile == null) {
            Path beside = manifest.toAbsolutePath().normalize().resolveSibling(PolicyFile.DEFAULT_NAME);
            policyFile = Files.isRegularFile(beside) ? beside : null;
        }
        Policy policy = policyFile == null ? Policy.defaults() : PolicyFile.load(policyFile, paths.show(policyFile));
        if (options.failOn() != null) {
            policy = policy.withFailOn(options.failOn());
        }
        if (options.alpha() != null) {
            policy = policy.withAlpha(options.alpha());
        }
        Baseline baseline = options.baseline() == null ? Baseline.none()
                : Baseline.load(options.baseline(), paths.show(options.baseline()));
        return new Inputs(manifest, policy, baseline);
    }

    public AuditReport scan(ScanOptions options, ProgressListener progress) {
        Inputs inputs = inputs(options);
        DisplayPaths paths = new DisplayPaths(options.displayRoot());
        LineageAnalysis analysis = LineageSources.analyze(inputs.manifest(), new LineageOptions(options.allowOutside(), true));
        FindingFactory factory = new FindingFactory(catalog);
        Policy policy = inputs.policy();

        PairFindings pairFindings = new PairFindings(analysis, factory, paths);
        List<Finding> raw = new ArrayList<>(pairFindings.pairs());
        raw.addAll(pairFindings.propagation());
        raw.addAll(lineageFindings(analysis, factory, paths));
        DetectorStep.Result detected = new DetectorStep(analysis, factory, paths, pairFindings::traits)
                .run(new DetectorStep.Settings(policy.alpha(), options.permutations(), options.seed(),
                        options.maxRecords()), progress);
        raw.addAll(detected.findings());
        raw = distinctById(raw);
        TransferEvidence transfer = switch (options.transfer()) {
            case RUN -> transferStep.run(options.transferModels(), options.seed(), progress);
            case FILE -> transferStep.read(options.transferResult(), paths.show(options.transferResult()));
            case REFERENCE -> ReferenceTransfer.evidence();
        };

        PolicyEngine.Outcome outcome = new PolicyEngine(policy, inputs.baseline(), options.today())
                .apply(raw, s -> expired(s, factory));
        List<Finding> findings = new ArrayList<>(outcome.findings());
        findings.sort(Comparator.comparingInt((Finding f) -> Severity.rank(f.severity()))
                .thenComparing(Finding::rule).thenComparing(f -> String.valueOf(f.subject())).thenComparing(Finding::id));

        GraphView graph = new GraphView(analysis.graph(), analysis.pairs());
        List<PairRow> pairs = analysis.pairs().stream().sorted(PAIR_ORDER).map(ScanService::pairRow).toList();
        TreeSet<String> rules = new TreeSet<>();
        findings.forEach(f -> rules.add(f.rule()));
        var manifest = analysis.manifest();
        Summary summary = new Summary(manifest.models().size(), manifest.datasets().size(), manifest.trainings().size(),
                pairs.size(), countBySeverity(findings),
                (int) findings.stream().filter(f -> f.status() == Finding.Status.FAILING).count(),
                policy.failOn().id());
        return new AuditReport(AuditReport.SCHEMA, "heredity", version(),
                new ManifestInfo(paths.show(inputs.manifest()), sha256(inputs.manifest())), summary,
                graph.nodes(), graph.edges(), pairs, findings, detected.detections(), transfer,
                new PolicyInfo(policy.failOn().id(), policy.alpha(), outcome.suppressions()),
                catalog.clausesFor(rules));
    }

    static final Comparator<RiskPair> PAIR_ORDER = Comparator
            .comparingInt((RiskPair p) -> p.severity().ordinal())
            .thenComparing(RiskPair::teacher).thenComparing(RiskPair::student).thenComparing(RiskPair::training);

    private static PairRow pairRow(RiskPair p) {
        return new PairRow(p.teacher(), p.student(), p.training(), p.datasets(), p.path(), p.sharedBase(),
                p.sharedRoots(), p.severity().label());
    }

    private static List<Finding> lineageFindings(LineageAnalysis analysis, FindingFactory factory, DisplayPaths paths) {
        List<Finding> out = new ArrayList<>();
        for (LineageFinding f : analysis.findings()) {
            // The message names the training reached, so it keys the id: one finding per dataset and training.
            String explanation = PairFindings.sentence(f.message());
            if (f.rule().equals(UNATTRIBUTED_RULE)) {
                explanation += " Declare the dataset's generatedBy (and, for model-generated data, a control set as"
                        + " 'reference') so the audit can check the teacher/student pairs it creates.";
            }
            out.add(factory.create(f.rule(), f.severity().label(), f.subject(),
                    PairFindings.sentence(f.rule().replace('-', ' ')).replace(".", "") + ": " + f.subject(),
                    explanation, List.of(), paths.location(f.location()), f.message()));
        }
        for (Diagnostic d : analysis.warnings()) {
            // The message names the offending value, so it is the subject (and, with the code, the id):
            // the id survives edits elsewhere in the manifest.
            String message = PairFindings.sentence(d.message());
            out.add(factory.create(LINEAGE_WARNING, Severity.INFO.id(), message, message,
                    message + " (manifest warning '" + d.code() + "')", List.of(), paths.location(d.location()),
                    d.code()));
        }
        return out;
    }

    /** Keeps the first finding of each id (two findings with the same rule, subject and key are one). */
    private static List<Finding> distinctById(List<Finding> findings) {
        Map<String, Finding> byId = new LinkedHashMap<>();
        findings.forEach(f -> byId.putIfAbsent(f.id(), f));
        return new ArrayList<>(byId.values());
    }

    private static Finding expired(Suppression s, FindingFactory factory) {
        return factory.create(PolicyEngine.EXPIRED_RULE, PolicyEngine.EXPIRED_SEVERITY.id(), s.match(),
                "Suppression of " + s.match() + " expired on " + s.expires(),
                "This suppression no longer applies, so the findings it matched are reported (and can fail the"
                        + " gate) again. Fix the findings, or renew the suppression with a new expiry date and reason.",
                List.of("reason given: " + s.reason(), "expired: " + s.expires()), s.location(),
                String.valueOf(s.expires()));
    }

    private static Map<String, Integer> countBySeverity(List<Finding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Severity.IDS.forEach(id -> counts.put(id, 0));
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }

    static String version() {
        String version = ScanService.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static String sha256(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
