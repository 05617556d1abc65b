package dev.heredity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Export, import the export back, and compare what the audit decides: the same pairs and findings,
 * same severities.
 */
class RoundTripTest {
  @TempDir Path dir;

  static Stream<Path> manifests() {
    return Samples.manifests();
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void openLineageLogImportsToTheSamePairsAndSeverities(Path manifest) throws IOException {
    assertRoundTrip(
        manifest, ExportFormat.OPENLINEAGE, "events.jsonl", LineageSources.Kind.OPENLINEAGE);
  }

  @ParameterizedTest
  @MethodSource("manifests")
  void cycloneDxBomImportsToTheSamePairsAndSeverities(Path manifest) throws IOException {
    assertRoundTrip(manifest, ExportFormat.CYCLONEDX, "bom.json", LineageSources.Kind.CYCLONEDX);
  }

  private void assertRoundTrip(
      Path manifest, ExportFormat format, String name, LineageSources.Kind kind)
      throws IOException {
    LineageAnalysis original = Samples.analyze(manifest);
    assertThat(original.pairs()).isNotEmpty();
    Path exported =
        Files.writeString(
            dir.resolve(name), Exporter.of(format).export(Samples.request(manifest, List.of())));
    assertThat(LineageSources.detect(exported)).isEqualTo(kind);
    LineageAnalysis imported = LineageSources.analyze(exported, new LineageOptions(false, false));
    assertThat(decisions(imported)).isEqualTo(decisions(original));
  }

  /** Pairs and lineage findings as the audit reports them, in the analysis' order. */
  static List<String> decisions(LineageAnalysis analysis) {
    Stream<String> pairs =
        analysis.pairs().stream()
            .map(
                p ->
                    p.severity().label()
                        + " "
                        + p.teacher()
                        + " -> "
                        + p.student()
                        + " in "
                        + p.training()
                        + " via "
                        + p.datasets()
                        + " shared="
                        + p.sharedBase()
                        + " "
                        + p.sharedRoots());
    Stream<String> trainings =
        analysis.manifest().trainings().stream()
            .map(
                t ->
                    "training "
                        + t.id()
                        + " "
                        + t.student()
                        + " from "
                        + t.from()
                        + " on "
                        + t.datasets()
                        + " "
                        + t.method());
    Stream<String> findings =
        analysis.findings().stream()
            .map(f -> f.severity().label() + " " + f.rule() + " " + f.subject());
    return Stream.concat(Stream.concat(pairs, trainings), findings).toList();
  }
}
