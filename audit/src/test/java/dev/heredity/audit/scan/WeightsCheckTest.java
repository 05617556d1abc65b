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
            "student-honest CONFIRMED");
    assertThat(report.contradictions()).hasSize(2);
    assertThat(report.checks()).allSatisfy(c -> assertThat(c.result().layers()).hasSize(2));
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
