package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.WeightsOutcome;
import dev.heredity.audit.report.WeightsRelation;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.interop.ExportFormat;
import dev.heredity.interop.ExportRequest;
import dev.heredity.interop.Exporter;
import dev.heredity.lineage.LineageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weights sample exported to a CycloneDX ML-BOM and scanned gives the weights verdicts the
 * manifest gives: the BOM carries each {@code checkpoint.path}. The sample is copied with its
 * weights under {@code ckpt/}, so the scan cannot fall back on the {@code weights/<model id>/}
 * folders and only the declared paths lead to the weights.
 */
class WeightsSampleBomScanTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void theExportedBomGivesTheManifestsWeightsVerdicts() throws IOException {
    Path manifest = copySample();
    Path bom = Files.writeString(dir.resolve("bom.cdx.json"), export(manifest));

    AuditReport fromManifest = scan(manifest);
    AuditReport fromBom = scan(bom);

    assertThat(relations(fromManifest))
        .as("the copy still confirms, contradicts and cannot check what the sample does")
        .extracting(r -> r.get(1) + " " + r.get(4))
        .containsExactly(
            "student-declared-a CONTRADICTED",
            "student-honest CONFIRMED",
            "student-declared-b CONTRADICTED",
            "student-elsewhere UNCHECKED");
    assertThat(relations(fromBom)).isEqualTo(relations(fromManifest));
    assertThat(weightsFindings(fromBom)).isNotEmpty().isEqualTo(weightsFindings(fromManifest));
  }

  @Test
  void withoutTheCheckpointPathsTheBomsPairsAreNotChecked() throws IOException {
    Path manifest = copySample();
    JsonNode bom = JSON.readTree(export(manifest));
    for (JsonNode component : bom.path("components")) {
      ArrayNode properties = (ArrayNode) component.path("properties");
      for (int i = properties.size() - 1; i >= 0; i--) {
        if (properties.get(i).path("name").asText().equals("heredity:checkpoint.path")) {
          properties.remove(i);
        }
      }
    }
    Path stripped = dir.resolve("stripped.cdx.json");
    JSON.writeValue(stripped.toFile(), bom);

    AuditReport report = scan(stripped);
    assertThat(report.weights().relations())
        .as("only student-declared-a's file: URI still leads to weights")
        .extracting(WeightsRelation::outcome)
        .containsOnly(WeightsOutcome.UNCHECKED);
  }

  /** samples/weights with its checkpoints moved from weights/ to ckpt/ and the paths to match. */
  private Path copySample() throws IOException {
    Path sample = ScanFixtures.repo().resolve("samples/weights");
    try (Stream<Path> files = Files.walk(sample.resolve("weights"))) {
      for (Path from : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve("ckpt").resolve(sample.resolve("weights").relativize(from));
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
      }
    }
    String yaml =
        Files.readString(sample.resolve("heredity.yaml"))
            .replace("path: weights/", "path: ckpt/")
            .replace("file:weights/", "file:ckpt/");
    return Files.writeString(dir.resolve("heredity.yaml"), yaml);
  }

  private static String export(Path manifest) {
    return Exporter.of(ExportFormat.CYCLONEDX)
        .export(
            new ExportRequest(
                ManifestLoader.analyze(manifest, new LineageOptions(false, false)),
                List.of(),
                Instant.parse("2026-01-01T00:00:00Z"),
                "test"));
  }

  private AuditReport scan(Path input) {
    return new ScanService()
        .scan(
            ScanOptions.defaults(input).withToday(LocalDate.of(2026, 6, 1)).withDisplayRoot(dir),
            ProgressListener.NONE);
  }

  /** Every field of each relation but where it is written (a manifest line or a BOM line). */
  private static List<List<Object>> relations(AuditReport report) {
    return report.weights().relations().stream()
        .map(
            r ->
                Arrays.<Object>asList(
                    r.teacher(),
                    r.student(),
                    r.training(),
                    r.declared(),
                    r.outcome(),
                    r.verdict(),
                    r.pValue(),
                    r.method(),
                    r.teacherWeights(),
                    r.studentWeights(),
                    r.detail(),
                    r.layers()))
        .toList();
  }

  private static List<String> weightsFindings(AuditReport report) {
    return report.findings().stream()
        .filter(f -> f.rule().startsWith("weights-"))
        .map(WeightsSampleBomScanTest::describe)
        .toList();
  }

  private static String describe(Finding f) {
    return f.rule()
        + " "
        + f.severity()
        + " "
        + f.subject()
        + ": "
        + f.title()
        + " "
        + f.evidence();
  }
}
