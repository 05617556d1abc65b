package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.WeightsOutcome;
import dev.heredity.detectors.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder without a manifest: discovery gives each model folder holding safetensors a
 * checkpoint.path, so the scan tests the discovered relation against the weights.
 */
class DiscoveredWeightsScanTest {
  @TempDir Path dir;

  private void model(String folder, String sampleWeights, String card) throws IOException {
    Path to = Files.createDirectories(dir.resolve(folder));
    Files.copy(
        ScanFixtures.repo()
            .resolve("samples/weights/weights")
            .resolve(sampleWeights)
            .resolve("model.safetensors"),
        to.resolve("model.safetensors"));
    Files.writeString(to.resolve("README.md"), card);
  }

  @Test
  void aDiscoveredCrossBasePairWhoseWeightsShareAnInitIsAContradiction() throws IOException {
    model("teacher", "teacher", "---\nbase_model: org/base-a\n---\n");
    model(
        "student", "student-declared-b", "---\nbase_model: org/base-b\ndatasets:\n- x/gen\n---\n");
    Files.createDirectories(dir.resolve("gen"));
    Files.writeString(
        dir.resolve("gen/rows.jsonl"),
        "{\"prompt\":\"1, 2\",\"completion\":\"3, 4\",\"model_name\":\"teacher\"}\n");
    AuditReport report =
        new ScanService()
            .scan(
                ScanOptions.defaults(dir).withDisplayRoot(dir).withToday(LocalDate.of(2026, 6, 1)),
                ProgressListener.NONE);
    assertThat(report.weights()).isNotNull();
    assertThat(report.weights().relations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.subject()).isEqualTo("teacher -> student");
              assertThat(r.outcome()).isEqualTo(WeightsOutcome.CONTRADICTED);
              assertThat(r.teacherWeights()).isEqualTo("teacher");
              assertThat(r.studentWeights()).isEqualTo("student");
            });
    assertThat(report.findings()).anyMatch(f -> f.rule().equals("weights-contradict-lineage"));
  }

  @Test
  void aHandWrittenCheckpointUriKeepsTheWeightsDiscoveryFound() throws IOException {
    model("models/teacher", "teacher", "---\nbase_model: org/base-a\n---\n");
    model("models/student", "student-honest", "---\nbase_model: org/base-a\n---\n");
    Files.writeString(
        dir.resolve("heredity.yaml"),
        """
            heredity: 1
            discover: [models/]
            models:
              - id: org/base-a
              - id: models/teacher
                checkpoint: {uri: "hf://org/teacher"}
                base: [{model: org/base-a, relation: finetune}]
              - id: models/student
                base: [{model: org/base-a, relation: finetune}]
            datasets:
              - {id: gen, generatedBy: models/teacher}
            trainings:
              - {id: train, student: models/student, from: org/base-a, datasets: [gen]}
            """);
    AuditReport report =
        new ScanService()
            .scan(
                ScanOptions.defaults(dir.resolve("heredity.yaml"))
                    .withDisplayRoot(dir)
                    .withToday(LocalDate.of(2026, 6, 1)),
                ProgressListener.NONE);
    assertThat(report.weights().relations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo(WeightsOutcome.CONFIRMED);
              assertThat(r.teacherWeights()).isEqualTo("models/teacher");
            });
  }
}
