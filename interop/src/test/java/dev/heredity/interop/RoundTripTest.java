package dev.heredity.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.manifest.Checkpoint;
import dev.heredity.lineage.manifest.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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
    assertThat(checkpoints(imported)).isEqualTo(checkpoints(original));
  }

  @ParameterizedTest
  @EnumSource(
      value = ExportFormat.class,
      names = {"CYCLONEDX", "OPENLINEAGE"})
  void checkpointPathsComeBackAsWrittenAndResolveAgainstTheImportsFolder(ExportFormat format)
      throws IOException {
    Path manifest = Samples.repo().resolve("samples/weights/heredity.yaml");
    Path exported =
        Files.writeString(
            dir.resolve(format == ExportFormat.CYCLONEDX ? "bom.cdx.json" : "events.jsonl"),
            Exporter.of(format).export(Samples.request(manifest, List.of())));
    Checkpoint teacher =
        LineageSources.read(exported).models().stream()
            .filter(m -> m.id().equals("teacher"))
            .findFirst()
            .orElseThrow()
            .checkpoint();
    assertThat(teacher.path()).isEqualTo("weights/teacher");
    assertThat(teacher.resolvedPath())
        .isEqualTo(dir.toAbsolutePath().normalize().resolve("weights/teacher"));
    assertThat(teacher.pathLocation().file()).isEqualTo(exported);
  }

  /** Each model's checkpoint facts (uri, revision, sha256, local path), by model id. */
  static Map<String, List<String>> checkpoints(LineageAnalysis analysis) {
    Map<String, List<String>> out = new TreeMap<>();
    for (ModelSpec m : analysis.manifest().models()) {
      Checkpoint c = m.checkpoint();
      if (c != null) {
        out.put(m.id(), Arrays.asList(c.uri(), c.revision(), c.sha256(), c.path()));
      }
    }
    return out;
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
