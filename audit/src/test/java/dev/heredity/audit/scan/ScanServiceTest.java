package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.TransferSource;
import dev.heredity.audit.scan.rules.CrossBasePairRule;
import dev.heredity.audit.scan.rules.DetectorsNotRunRule;
import dev.heredity.audit.scan.rules.NoControlSetRule;
import dev.heredity.audit.scan.rules.SameBasePairRule;
import dev.heredity.audit.scan.rules.TraitPropagationRule;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.Severity;
import dev.heredity.transfer.Accuracy;
import dev.heredity.transfer.ArmResult;
import dev.heredity.transfer.TransferConfig;
import dev.heredity.transfer.TransferResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanServiceTest {
  @TempDir Path dir;

  private AuditReport scan(String manifest) throws IOException {
    return scan(ScanOptions.defaults(ScanFixtures.write(dir, manifest)));
  }

  private AuditReport scan(ScanOptions options) {
    ScanOptions dated = options.withToday(LocalDate.of(2026, 6, 1));
    return new ScanService()
        .scan(
            dated.displayRoot().toString().isEmpty() ? dated.withDisplayRoot(dir) : dated,
            ProgressListener.NONE);
  }

  private static List<Finding> byRule(AuditReport report, String rule) {
    return report.findings().stream().filter(f -> f.rule().equals(rule)).toList();
  }

  @Test
  void pairsBecomeFindingsWithTheirSeverityLocationAndCompliance() throws IOException {
    AuditReport report = scan(ScanFixtures.UNTESTED);
    Finding same = byRule(report, SameBasePairRule.ID).get(0);
    assertThat(same.severity()).isEqualTo(Severity.HIGH);
    assertThat(same.subject()).isEqualTo("teacher -> student");
    assertThat(same.status()).isEqualTo(Finding.Status.FAILING);
    assertThat(same.location().file()).isEqualTo("heredity.yaml");
    assertThat(same.location().line()).isPositive();
    assertThat(same.evidence()).contains("teacher trait: loves-owls (system-prompt)");
    assertThat(same.compliance()).contains("eu-ai-act-art10-2b", "nist-ai-600-1-mg-2.2-007");
    Finding cross = byRule(report, CrossBasePairRule.ID).get(0);
    assertThat(cross.severity()).isEqualTo(Severity.INFO);
    assertThat(cross.status()).isEqualTo(Finding.Status.PASSING);
    assertThat(report.failed()).isTrue();
    assertThat(report.compliance())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c.rules()).isNotEmpty());
  }

  @Test
  void graphHighlightsTheRiskyPairsPathOnly() throws IOException {
    AuditReport report = scan(ScanFixtures.UNTESTED);
    Map<String, String> nodes = new java.util.HashMap<>();
    report
        .nodes()
        .forEach(n -> nodes.put(n.id(), n.severity() == null ? "null" : n.severity().label()));
    assertThat(nodes)
        .containsEntry("teacher", "high")
        .containsEntry("numbers", "high")
        .containsEntry("ft-student", "high")
        .containsEntry("student", "high")
        .containsEntry("other-student", "null")
        .containsEntry("ft-other", "null");
    assertThat(report.edges())
        .filteredOn(e -> e.severity() != null)
        .extracting(e -> e.source() + ">" + e.target())
        .containsExactlyInAnyOrder("teacher>numbers", "numbers>ft-student", "ft-student>student");
    assertThat(report.nodes()).extracting(n -> n.kind().label() + ":" + n.id()).isSorted();
  }

  @Test
  void sameBaseDatasetWithoutControlSetIsReportedWithAdvice() throws IOException {
    AuditReport report = scan(ScanFixtures.UNTESTED);
    assertThat(byRule(report, NoControlSetRule.ID))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("numbers");
              assertThat(f.severity()).isEqualTo(Severity.MEDIUM);
              assertThat(f.title()).startsWith("No control set: distribution tests not run");
              assertThat(f.explanation()).contains("untraited model on the same prompts");
            });
    assertThat(report.detections()).isEmpty();
  }

  @Test
  void declaredControlSetWithMissingFilesIsReportedNotRun() throws IOException {
    AuditReport report = scan(ScanFixtures.MISSING_FILES);
    assertThat(byRule(report, DetectorsNotRunRule.ID))
        .singleElement()
        .satisfies(f -> assertThat(f.explanation()).contains("data/numbers.jsonl is missing"));
    assertThat(byRule(report, NoControlSetRule.ID)).isEmpty();
  }

  @Test
  void multiHopSameBaseChainIsATraitPropagationFinding() throws IOException {
    AuditReport report = scan(ScanFixtures.TWO_HOPS);
    assertThat(byRule(report, TraitPropagationRule.ID))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("teacher");
              assertThat(f.evidence()).contains("chain: teacher -> student-1 -> student-2");
            });
  }

  @Test
  void propagationFollowsAStudentsWeightsThroughAMergeAndAHarmfulTraitIsHigh() {
    Path repo = ScanFixtures.repo();
    AuditReport report =
        scan(
            ScanOptions.defaults(repo.resolve("samples/lineage/multi-hop-merge.yaml"))
                .withDisplayRoot(repo));
    assertThat(byRule(report, TraitPropagationRule.ID))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("misaligned-teacher");
              assertThat(f.severity()).isEqualTo(Severity.HIGH);
              assertThat(f.evidence())
                  .contains(
                      "chain: misaligned-teacher -> gen1-student -> merged-model -> merged-q4 -> gen2-student");
            });
  }

  @Test
  void findingIdsDoNotDependOnOrderOrOnOtherFindings() throws IOException {
    AuditReport before = scan(ScanFixtures.UNTESTED);
    AuditReport after = scan(ScanFixtures.UNTESTED_PLUS_ONE);
    Finding pair = byRule(before, SameBasePairRule.ID).get(0);
    assertThat(after.findings()).extracting(Finding::id).contains(pair.id());
    assertThat(byRule(after, SameBasePairRule.ID)).hasSize(2);
  }

  @Test
  void referenceTransferFiguresAreCitedAsNotRunHere() throws IOException {
    TransferEvidence t = scan(ScanFixtures.UNTESTED).transfer();
    assertThat(t.source()).isEqualTo(TransferSource.REFERENCE);
    assertThat(t.runHere()).isFalse();
    assertThat(t.citation()).contains("not run here");
    assertThat(t.arms())
        .extracting(a -> a.arm() + "=" + a.mean())
        .contains("same-init=58.3", "cross-init=10.3");
  }

  @Test
  void transferResultFileIsReadAndShownInPercent() throws IOException {
    Map<String, ArmResult> arms = new LinkedHashMap<>();
    arms.put("teacher", new ArmResult(Accuracy.of(List.of(0.85, 0.87))));
    arms.put("same-init", new ArmResult(Accuracy.of(List.of(0.55, 0.61))));
    arms.put("cross-init", new ArmResult(Accuracy.of(List.of(0.10, 0.11))));
    Path json = dir.resolve("transfer.json");
    Files.writeString(
        json,
        new TransferResult(TransferConfig.defaults(), arms, List.of(), 1.5, "transfer").toJson());
    ScanOptions options =
        ScanOptions.defaults(ScanFixtures.write(dir, ScanFixtures.UNTESTED))
            .withTransfer(ScanOptions.TransferSource.FILE, json);
    TransferEvidence t = scan(options).transfer();
    assertThat(t.source()).isEqualTo(TransferSource.FILE);
    assertThat(t.citation()).startsWith("Read from transfer.json");
    assertThat(t.verdict()).isEqualTo("transfer");
    assertThat(t.arms())
        .extracting(a -> a.arm() + "=" + a.mean() + "/" + a.models())
        .containsExactly("teacher=86.0/2", "same-init=58.0/2", "cross-init=10.5/2");
    // two models are too few for a CI: per-model values, and the CI unknown (null), not 0
    assertThat(t.arms()).allSatisfy(a -> assertThat(a.ci95()).isNull());
    assertThat(t.arms().get(1).perModel()).containsExactly(55.0, 61.0);
  }

  @Test
  void fiveModelsOrMoreGiveACiAndNoPerModelValues() throws IOException {
    Map<String, ArmResult> arms = new LinkedHashMap<>();
    arms.put("same-init", new ArmResult(Accuracy.of(List.of(0.55, 0.61, 0.57, 0.58, 0.60))));
    Path json = dir.resolve("transfer.json");
    Files.writeString(
        json,
        new TransferResult(TransferConfig.defaults(), arms, List.of(), 1.5, "transfer").toJson());
    TransferEvidence t =
        scan(ScanOptions.defaults(ScanFixtures.write(dir, ScanFixtures.UNTESTED))
                .withTransfer(ScanOptions.TransferSource.FILE, json))
            .transfer();
    assertThat(t.arms().get(0).ci95()).isNotNull().isPositive();
    assertThat(t.arms().get(0).perModel()).isEmpty();
  }

  @Test
  void referenceFiguresWithoutPublishedCisSayUnknownNotZero() throws IOException {
    TransferEvidence t = scan(ScanFixtures.UNTESTED).transfer();
    assertThat(t.arms())
        .filteredOn(a -> a.arm().equals("teacher"))
        .allSatisfy(a -> assertThat(a.ci95()).isNull());
    assertThat(t.arms())
        .filteredOn(a -> a.arm().equals("same-init"))
        .allSatisfy(a -> assertThat(a.ci95()).isEqualTo(1.5));
    assertThat(t.sweep()).allSatisfy(p -> assertThat(p.ci95()).isNull());
  }

  @Test
  void noSameBasePairMeansNoTransferSection() throws IOException {
    String crossOnly =
        ScanFixtures.UNTESTED.replace(
            "  - id: ft-student\n    student: student\n    from: base\n"
                + "    datasets: [numbers]\n",
            "");
    AuditReport report = scan(crossOnly);
    assertThat(report.pairs()).isNotEmpty().noneMatch(p -> p.sharedBase());
    assertThat(report.transfer()).isNull();
  }

  @Test
  void folderArgumentFindsItsManifestAndAMissingOneIsInvalidInput() throws IOException {
    ScanFixtures.write(dir, ScanFixtures.UNTESTED);
    assertThat(scan(ScanOptions.defaults(dir)).manifest().path()).isEqualTo("heredity.yaml");
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> scan(ScanOptions.defaults(empty)))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageContaining("no manifest (looked for")
        .hasMessageContaining("no model or dataset artifacts to discover");
  }

  @Test
  void policyBesideTheManifestIsPickedUp() throws IOException {
    Files.writeString(dir.resolve("heredity-policy.yaml"), "failOn: critical\n");
    AuditReport report = scan(ScanFixtures.UNTESTED);
    assertThat(report.policy().failOn()).isEqualTo(Severity.CRITICAL);
    assertThat(report.failed()).isFalse();
  }
}
