package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.lineage.Lineage;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.weights.WeightsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The weights sample: declared relations checked against the committed checkpoints. */
class WeightsCheckTest {
  @TempDir Path dir;

  @Test
  void theSampleHasOneUndeclaredSharedInitAndOneDeclaredBaseNotInTheWeights() {
    Path manifest = ScanFixtures.repo().resolve("samples/weights/heredity.yaml");
    LineageAnalysis analysis = Lineage.analyze(manifest, LineageOptions.defaults());
    WeightsCheck.Report report = WeightsCheck.check(analysis, WeightsOptions.defaults());
    assertThat(report.withoutWeights()).isEmpty();
    assertThat(report.checks())
        .extracting(c -> c.pair().student() + " " + c.outcome())
        .containsExactlyInAnyOrder(
            "student-declared-b UNDECLARED_SHARED_INIT",
            "student-declared-a DECLARED_SHARED_BASE_NOT_IN_WEIGHTS",
            "student-honest CONFIRMED",
            "student-elsewhere NOT_CHECKED");
    assertThat(report.contradictions()).hasSize(2);
    assertThat(report.checks())
        .filteredOn(c -> c.result() != null)
        .allSatisfy(c -> assertThat(c.result().layers()).hasSize(2));
  }

  @Test
  void theScanReportsBothContradictionsWithPerLayerEvidenceUnlessWeightsAreOff() {
    Path manifest = ScanFixtures.repo().resolve("samples/weights/heredity.yaml");
    ScanOptions options =
        ScanOptions.defaults(manifest)
            .withDisplayRoot(ScanFixtures.repo())
            .withToday(java.time.LocalDate.of(2026, 6, 1));
    var report = new ScanService().scan(options, dev.heredity.detectors.ProgressListener.NONE);
    var contradictions =
        report.findings().stream()
            .filter(f -> f.rule().equals(dev.heredity.audit.scan.rules.WeightsContradictionRule.ID))
            .toList();
    assertThat(contradictions)
        .extracting(f -> f.severity() + " " + f.subject())
        .containsExactlyInAnyOrder(
            "HIGH teacher -> student-declared-b", "MEDIUM teacher -> student-declared-a");
    assertThat(contradictions)
        .allSatisfy(
            f ->
                assertThat(f.evidence())
                    .anyMatch(e -> e.startsWith("layer model.layers.0.mlp: 64 units"))
                    .anyMatch(
                        e -> e.startsWith("teacher weights: samples/weights/weights/teacher")));

    var off =
        new ScanService()
            .scan(options.withCheckWeights(false), dev.heredity.detectors.ProgressListener.NONE);
    assertThat(off.findings())
        .noneMatch(f -> f.rule().equals(dev.heredity.audit.scan.rules.WeightsContradictionRule.ID));
  }

  /**
   * The sample's teacher and honest student (a confirmed shared init), copied under {@code dir}.
   */
  private void copyWeights(String model, String as) throws IOException {
    Path from = ScanFixtures.repo().resolve("samples/weights/weights").resolve(model);
    Path to = Files.createDirectories(dir.resolve("weights").resolve(as));
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
  }

  private LineageAnalysis manifest(String models) throws IOException {
    StringBuilder yaml =
        new StringBuilder(
            "heredity: 1\nmodels:\n  - id: base\n  - id: teacher\n"
                + "    base: [{model: base, relation: finetune}]\n"
                + "    checkpoint: {path: weights/t}\n"
                + models
                + "datasets:\n  - {id: data, generatedBy: teacher}\ntrainings:\n");
    for (String student : List.of("s1", "s2", "s3", "s4")) {
      yaml.append("  - {id: train-")
          .append(student)
          .append(", student: ")
          .append(student)
          .append(", from: base, datasets: [data]}\n");
    }
    Path file = dir.resolve("heredity.yaml");
    Files.writeString(file, yaml);
    return Lineage.analyze(file, LineageOptions.defaults());
  }

  @Test
  void checkpointPathWinsOverAFileUriAndUnusableWeightsAreNotCheckedWithTheReason()
      throws IOException {
    copyWeights("teacher", "t");
    copyWeights("student-honest", "s1");
    copyWeights("student-declared-a", "wrong");
    Files.createDirectories(dir.resolve("weights/empty"));
    LineageAnalysis analysis =
        manifest(
            "  - id: s1\n    base: [{model: base, relation: finetune}]\n"
                + "    checkpoint: {uri: \"file:weights/wrong\", path: weights/s1}\n"
                + "  - id: s2\n    base: [{model: base, relation: finetune}]\n"
                + "    checkpoint: {path: weights/absent}\n"
                + "  - id: s3\n    base: [{model: base, relation: finetune}]\n"
                + "  - id: s4\n    base: [{model: base, relation: finetune}]\n"
                + "    checkpoint: {path: weights/empty}\n");
    WeightsCheck.Report report = WeightsCheck.check(analysis, WeightsOptions.defaults());
    assertThat(report.checks())
        .extracting(
            c ->
                c.pair().student()
                    + " "
                    + c.outcome()
                    + (c.notChecked() == null ? "" : " " + c.notChecked().problem()))
        .containsExactlyInAnyOrder(
            "s1 CONFIRMED",
            "s2 NOT_CHECKED MISSING",
            "s3 NOT_CHECKED NO_LOCAL_WEIGHTS",
            "s4 NOT_CHECKED NO_WEIGHT_FILES");
    WeightsCheck.PairCheck s1 =
        report.checks().stream().filter(c -> c.pair().student().equals("s1")).findFirst().get();
    assertThat(s1.studentWeights()).isEqualTo(dir.resolve("weights/s1").toAbsolutePath());
    WeightsCheck.PairCheck s2 =
        report.checks().stream().filter(c -> c.pair().student().equals("s2")).findFirst().get();
    assertThat(s2.notChecked().source()).isEqualTo(WeightsCheck.Source.CHECKPOINT_PATH);
    assertThat(s2.notChecked().location().line()).isEqualTo(12);
    assertThat(s2.notChecked().location().column()).isEqualTo(24);
    assertThat(report.couldNotCheck()).hasSize(3);
    assertThat(report.withoutWeights()).isEmpty();
  }

  @Test
  void theScanCountsEachRelationItCouldNotCheckAsALowFinding() throws IOException {
    copyWeights("teacher", "t");
    manifest(
        "  - id: s1\n    checkpoint: {path: weights/absent}\n"
            + "  - id: s2\n  - id: s3\n  - id: s4\n");
    var report =
        new ScanService()
            .scan(
                ScanOptions.defaults(dir.resolve("heredity.yaml"))
                    .withDisplayRoot(dir)
                    .withToday(java.time.LocalDate.of(2026, 6, 1)),
                dev.heredity.detectors.ProgressListener.NONE);
    assertThat(report.findings())
        .filteredOn(f -> f.rule().equals(dev.heredity.audit.scan.rules.WeightsNotCheckedRule.ID))
        .extracting(f -> f.subject() + " " + f.severity() + " " + f.location().display())
        .containsExactlyInAnyOrder(
            "teacher -> s1 LOW heredity.yaml:8:24",
            "teacher -> s2 LOW heredity.yaml:9:5",
            "teacher -> s3 LOW heredity.yaml:10:5",
            "teacher -> s4 LOW heredity.yaml:11:5");
    assertThat(report.weights().relations())
        .allSatisfy(
            r ->
                assertThat(r.outcome())
                    .isEqualTo(dev.heredity.audit.report.WeightsOutcome.UNCHECKED));
  }

  @Test
  void pairsWithoutLocalWeightsAreSkippedAndCounted() {
    Path manifest = ScanFixtures.repo().resolve("samples/lineage/owl-numbers.yaml");
    LineageAnalysis analysis = Lineage.analyze(manifest, LineageOptions.defaults());
    WeightsCheck.Report report = WeightsCheck.check(analysis, WeightsOptions.defaults());
    assertThat(report.checks()).isEmpty();
    assertThat(report.withoutWeights()).hasSameSizeAs(analysis.pairs());
  }

  @Test
  void regeneratingTheSampleGivesTheCommittedBytes() throws IOException, InterruptedException {
    Path repo = ScanFixtures.repo();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                repo.resolve("samples/tools/WeightsSampleGenerator.java").toString(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    for (String model :
        List.of(
            "base-a",
            "base-b",
            "teacher",
            "student-declared-a",
            "student-declared-b",
            "student-honest")) {
      Path file = Path.of(model, "model.safetensors");
      assertThat(Files.readAllBytes(dir.resolve(file)))
          .as(model)
          .isEqualTo(Files.readAllBytes(repo.resolve("samples/weights/weights").resolve(file)));
    }
  }
}
