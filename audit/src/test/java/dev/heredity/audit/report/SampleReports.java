package dev.heredity.audit.report;

import static dev.heredity.lineage.Severity.CRITICAL;
import static dev.heredity.lineage.Severity.HIGH;
import static dev.heredity.lineage.Severity.INFO;
import static dev.heredity.lineage.Severity.LOW;
import static dev.heredity.lineage.Severity.MEDIUM;

import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.NodeKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-built report shared by the writer tests, in the scan's real vocabulary (rule ids, clause
 * ids, {@code hf-} finding ids, detector verdicts, transfer accuracies in percent): an owl-numbers
 * style lineage with a same-base and a cross-base pair, findings of every status (one overridden),
 * one detection and cited transfer evidence. Some texts carry markup characters on purpose, so
 * every writer's escaping is exercised.
 */
public final class SampleReports {
  private static final String MANIFEST = "samples/owl-numbers/heredity.yaml";

  private SampleReports() {}

  public static AuditReport sample() {
    Map<Severity, Integer> bySeverity = counts(0, 2, 1, 2, 1);
    Summary summary = new Summary(6, 2, 2, 2, bySeverity, 2, HIGH);

    List<NodeRow> nodes =
        List.of(
            new NodeRow("control-numbers", NodeKind.DATASET, "control-numbers", null),
            new NodeRow("owl-numbers", NodeKind.DATASET, "owl-numbers", HIGH),
            new NodeRow("cross-student", NodeKind.MODEL, "cross-student", LOW),
            new NodeRow("eval-model", NodeKind.MODEL, "eval <model> & co", null),
            new NodeRow("llama-base", NodeKind.MODEL, "llama-base", LOW),
            new NodeRow("owl-teacher", NodeKind.MODEL, "owl-teacher", HIGH, List.of("loves-owls")),
            new NodeRow("qwen-base", NodeKind.MODEL, "qwen-base", HIGH),
            new NodeRow("student", NodeKind.MODEL, "student", HIGH),
            new NodeRow("sft-cross", NodeKind.TRAINING, "sft-cross", LOW),
            new NodeRow("sft-student", NodeKind.TRAINING, "sft-student", HIGH));
    List<EdgeRow> edges =
        List.of(
            new EdgeRow("owl-numbers", "sft-cross", "trains", LOW),
            new EdgeRow("owl-numbers", "sft-student", "trains", HIGH),
            new EdgeRow("owl-teacher", "owl-numbers", "generated", HIGH),
            new EdgeRow("llama-base", "sft-cross", "base", LOW),
            new EdgeRow("qwen-base", "control-numbers", "generated", null),
            new EdgeRow("qwen-base", "owl-teacher", "prompted", HIGH),
            new EdgeRow("qwen-base", "sft-student", "base", HIGH),
            new EdgeRow("sft-cross", "cross-student", "produces", LOW),
            new EdgeRow("sft-student", "student", "produces", HIGH),
            new EdgeRow("student", "eval-model", "distilled", null));
    List<PairRow> pairs =
        List.of(
            new PairRow(
                "owl-teacher",
                "student",
                "sft-student",
                List.of("owl-numbers"),
                List.of("owl-teacher", "owl-numbers", "sft-student", "student"),
                true,
                List.of("qwen-base"),
                HIGH),
            new PairRow(
                "owl-teacher",
                "cross-student",
                "sft-cross",
                List.of("owl-numbers"),
                List.of("owl-teacher", "owl-numbers", "sft-cross", "cross-student"),
                false,
                List.of(),
                LOW));

    List<Finding> findings =
        List.of(
            new Finding(
                "hf-3f2a9c1d0b7e",
                "same-base-pair",
                HIGH,
                "owl-teacher -> student",
                "owl-teacher's generated data trains student, which shares its base",
                "Teacher and student share the initialisation qwen-base. Traits can pass through generated data that"
                    + " looks unrelated to them when teacher and student share an initialisation (Cloud et al., 2025).",
                List.of(
                    "path: owl-teacher -> owl-numbers -> sft-student -> student",
                    "datasets: owl-numbers",
                    "shared base: qwen-base",
                    "teacher trait: loves-owls (system-prompt)"),
                new Location(MANIFEST, 42, 5),
                List.of(
                    "eu-ai-act-art10-2b",
                    "eu-ai-act-art10-2f",
                    "eu-ai-act-annex-iv-2d",
                    "nist-ai-600-1-gv-1.2-001",
                    "nist-ai-600-1-mp-2.1-001",
                    "nist-ai-600-1-mg-2.2-007"),
                Finding.Status.FAILING,
                null,
                null),
            new Finding(
                "hf-81b0e4aa5c12",
                "distribution-shift",
                HIGH,
                "owl-numbers",
                "owl-numbers differs in distribution from its control set control-numbers",
                "The record-level tests find that owl-numbers is distributed differently from control-numbers"
                    + " (p < alpha) while value frequencies match: a frequency-only check would miss this.",
                List.of(
                    "combined adjusted p = 2.1e-05 < alpha 0.01 (2000 vs 2000 records)",
                    "transitions: adjusted p = 2.1e-05, effect 0.21",
                    "frequency p=0.62 | not significant",
                    "divergent token '7' at position 0: z = 4.6"),
                new Location(MANIFEST, 18, 5),
                List.of(
                    "eu-ai-act-art10-2f",
                    "eu-ai-act-art10-2g",
                    "nist-ai-600-1-ms-2.5-005",
                    "nist-ai-600-1-mg-2.2-007"),
                Finding.Status.FAILING,
                null,
                null),
            new Finding(
                "hf-0c9d2e17aa01",
                "no-control-set",
                MEDIUM,
                "owl-numbers-v2",
                "No control set: distribution tests not run on owl-numbers-v2",
                "Generate a control set from the untraited model on the same prompts.",
                List.of("pair: owl-teacher -> student (high)"),
                new Location(MANIFEST, 25, 5),
                List.of("eu-ai-act-art10-2f", "eu-ai-act-art10-2g", "nist-ai-600-1-ms-2.5-005"),
                Finding.Status.SUPPRESSED,
                "control tracked in DATA-123 <until Q1>",
                null),
            new Finding(
                "hf-5e6f7a8b9c0d",
                "cross-base-pair",
                LOW,
                "owl-teacher -> cross-student",
                "owl-teacher's generated data trains cross-student (another base)",
                "Transfer is not expected without a shared base, but the data still carries the teacher's \"style\".",
                List.of(
                    "path: owl-teacher -> owl-numbers -> sft-cross -> cross-student",
                    "datasets: owl-numbers"),
                new Location(MANIFEST, 51, 5),
                List.of(
                    "eu-ai-act-art10-2b",
                    "eu-ai-act-annex-iv-2d",
                    "nist-ai-600-1-gv-1.2-001",
                    "nist-ai-600-1-mp-2.1-001"),
                Finding.Status.PASSING,
                null,
                MEDIUM),
            new Finding(
                "hf-aa11bb22cc33",
                "expired-suppression",
                LOW,
                "hf-000000000000",
                "Suppression of hf-000000000000 expired on 2026-01-01",
                "This suppression no longer applies, so the findings it matched are reported again.",
                List.of("reason given: legacy pipeline", "expired: 2026-01-01"),
                new Location("samples/owl-numbers/heredity-policy.yaml", 9, 5),
                List.of("eu-ai-act-art10-2g", "nist-ai-600-1-gv-1.2-001"),
                Finding.Status.PASSING,
                null,
                null),
            new Finding(
                "hf-dd44ee55ff66",
                "lineage-warning",
                INFO,
                "Dataset 'control-numbers' declares no sha256.",
                "Dataset 'control-numbers' declares no sha256.",
                "Dataset 'control-numbers' declares no sha256. (manifest warning 'no-sha256')",
                List.of("revision: <none>"),
                null,
                List.of(
                    "eu-ai-act-art10-2b",
                    "eu-ai-act-annex-iv-2d",
                    "nist-ai-600-1-gv-1.2-001",
                    "nist-ai-600-1-mp-2.1-001"),
                Finding.Status.BASELINE,
                null,
                null));

    DatasetDetection detection =
        new DatasetDetection(
            "owl-numbers",
            "control-numbers",
            DetectionVerdict.SIGNAL,
            0.000021,
            0.01,
            2000,
            2000,
            List.of(
                new TestRow(
                    "transitions",
                    "value-to-value transition counts (chi-square, record permutation)",
                    88.4,
                    0.000007,
                    0.000021,
                    0.21,
                    List.of("top transition 7->3"),
                    true),
                new TestRow(
                    "position",
                    "value at each position",
                    31.2,
                    0.00104,
                    0.01,
                    0.12,
                    List.of(),
                    false),
                new TestRow(
                    "frequency",
                    "overall value frequencies",
                    7.9,
                    0.62,
                    0.62,
                    0.02,
                    List.of(),
                    false),
                new TestRow(
                    "classifier",
                    "held-out classifier AUC",
                    0.4,
                    0.69,
                    0.69,
                    0.51,
                    List.of(),
                    false)),
            List.of(
                new TokenRow("7", 0, 4.6, 412, 251),
                new TokenRow("3", 1, -3.9, 190, 301),
                new TokenRow("087", null, 3.1, 77, 41),
                new TokenRow("<|eot|>", null, -2.2, 12, 30)),
            List.of("number filter conformance: suspect 99.6%, reference 99.8%"),
            List.of(new LeakRow("owl", 0, List.of())),
            List.of("resampled whole records, 999 permutations, seed 42"));

    TransferEvidence transfer =
        new TransferEvidence(
            TransferSource.REFERENCE,
            false,
            "Reference figures, not run here: PyTorch implementation of the published MNIST-proxy protocol"
                + " (Cloud et al., 2025), 100 models; test accuracy in percent with 95% CI across models.",
            "transfer",
            List.of(
                new ArmRow("teacher", 85.8, null, 100),
                new ArmRow("reference", 10.5, null, 100),
                new ArmRow("same-init", 58.3, 1.5, 100),
                new ArmRow("cross-init", 10.3, 0.5, 100)),
            List.of(
                new SweepRow(0.0, 58.3, null),
                new SweepRow(0.1, 54.2, null),
                new SweepRow(1.0, 10.7, null)));

    PolicyInfo policy =
        new PolicyInfo(
            HIGH,
            0.01,
            List.of(
                new SuppressionRow(
                    "no-control-set:owl-numbers-v2",
                    "control tracked in DATA-123 <until Q1>",
                    "2027-01-31",
                    false,
                    1),
                new SuppressionRow("hf-000000000000", "legacy pipeline", "2026-01-01", true, 0)),
            "samples/owl-numbers/heredity-policy.yaml",
            "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
            List.of(new OverrideRow("cross-base-pair", LOW, 1)),
            List.of(),
            50_000);

    List<ComplianceClause> compliance =
        List.of(
            new ComplianceClause(
                "eu-ai-act-art10-2b",
                "EU AI Act",
                "Art. 10(2)(b)",
                "Data collection processes and the origin of data",
                List.of("cross-base-pair", "lineage-warning", "same-base-pair")),
            new ComplianceClause(
                "eu-ai-act-art10-2f",
                "EU AI Act",
                "Art. 10(2)(f)",
                "Examination for possible biases, especially where data outputs influence inputs for future operations",
                List.of("distribution-shift", "no-control-set", "same-base-pair")),
            new ComplianceClause(
                "eu-ai-act-art10-2g",
                "EU AI Act",
                "Art. 10(2)(g)",
                "Measures to detect, prevent and mitigate the biases identified under point (f)",
                List.of("distribution-shift", "expired-suppression", "no-control-set")),
            new ComplianceClause(
                "eu-ai-act-annex-iv-2d",
                "EU AI Act",
                "Annex IV 2(d)",
                "Documentation of training data sets, including their provenance and how the data was obtained and"
                    + " selected",
                List.of("cross-base-pair", "lineage-warning", "same-base-pair")),
            new ComplianceClause(
                "nist-ai-600-1-gv-1.2-001",
                "NIST AI 600-1",
                "GV-1.2-001",
                "Document the origin and history of training data and generated data",
                List.of(
                    "cross-base-pair", "expired-suppression", "lineage-warning", "same-base-pair")),
            new ComplianceClause(
                "nist-ai-600-1-ms-2.5-005",
                "NIST AI 600-1",
                "MS-2.5-005",
                "Verify training data provenance and that fine-tuning data is grounded",
                List.of("distribution-shift", "no-control-set")),
            new ComplianceClause(
                "nist-ai-600-1-mg-2.2-007",
                "NIST AI 600-1",
                "MG-2.2-007",
                "Use auditing tools to track and validate the lineage and authenticity of AI-generated data",
                List.of("distribution-shift", "same-base-pair")));

    List<RuleRow> rules =
        List.of(
            new RuleRow(
                "same-base-pair",
                "A teacher's generated data trains a student that shares its base model",
                "Hidden traits transferred in published experiments when teacher and student shared an"
                    + " initialisation.",
                HIGH,
                List.of("eu-ai-act-art10-2b")),
            new RuleRow(
                "cross-base-pair",
                "A teacher's generated data trains a student of another base model",
                "No transfer across initialisations was observed.",
                LOW,
                List.of("eu-ai-act-art10-2b")),
            new RuleRow(
                "trait-propagation",
                "A model may inherit a teacher's trait through two or more hops",
                "Audit each intermediate dataset.",
                MEDIUM,
                List.of("eu-ai-act-art10-2f")),
            new RuleRow(
                "distribution-shift",
                "A dataset differs in distribution from its control set",
                "Inspect the divergent tokens.",
                HIGH,
                List.of("eu-ai-act-art10-2f")),
            new RuleRow(
                "no-control-set",
                "A dataset feeding a same-base pair has no control set",
                "Generate a control set.",
                MEDIUM,
                List.of("eu-ai-act-art10-2f")),
            new RuleRow(
                "expired-suppression",
                "A policy suppression has expired",
                "Renew or fix.",
                LOW,
                List.of("eu-ai-act-art10-2g")),
            new RuleRow(
                "lineage-warning",
                "The lineage analysis warns about the manifest",
                "Fix the manifest.",
                INFO,
                List.of("eu-ai-act-art10-2b")));

    return new AuditReport(
        AuditReport.SCHEMA,
        "heredity",
        "0.1.0",
        new ManifestInfo(
            MANIFEST, "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"),
        summary,
        nodes,
        edges,
        pairs,
        findings,
        List.of(detection),
        transfer,
        null,
        policy,
        compliance,
        rules,
        null);
  }

  /** A report with nothing in it: no nodes, findings, detections or transfer evidence. */
  public static AuditReport empty() {
    return new AuditReport(
        AuditReport.SCHEMA,
        "heredity",
        "0.1.0",
        new ManifestInfo("heredity.yaml", null),
        new Summary(0, 0, 0, 0, counts(0, 0, 0, 0, 0), 0, HIGH),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        null,
        new PolicyInfo(HIGH, 0.01, List.of()),
        List.of(),
        List.of(),
        null);
  }

  private static Map<Severity, Integer> counts(
      int critical, int high, int medium, int low, int info) {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    counts.put(CRITICAL, critical);
    counts.put(HIGH, high);
    counts.put(MEDIUM, medium);
    counts.put(LOW, low);
    counts.put(INFO, info);
    return counts;
  }
}
