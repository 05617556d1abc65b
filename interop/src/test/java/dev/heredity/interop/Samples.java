package dev.heredity.interop;

import dev.heredity.lineage.Lineage;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/** The repository's sample manifests and a fixed export request for them. */
final class Samples {
  static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private Samples() {}

  static Path repo() {
    String property = System.getProperty("heredity.repo");
    if (property != null && Files.isDirectory(Path.of(property, "samples"))) {
      return Path.of(property);
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("samples/lineage"))) {
      dir = dir.getParent();
    }
    return dir;
  }

  /**
   * Every sample manifest: the owl-numbers pipeline, the weights sample (checkpoint paths) and
   * samples/lineage/*.yaml.
   */
  static Stream<Path> manifests() {
    Path lineage = repo().resolve("samples/lineage");
    return Stream.concat(
        Stream.of(
            repo().resolve("samples/owl-numbers/heredity.yaml"),
            repo().resolve("samples/weights/heredity.yaml")),
        Stream.of(
                "owl-numbers.yaml",
                "multi-hop-merge.yaml",
                "cross-family-distillation.yaml",
                "unattributed-synthetic.yaml")
            .map(lineage::resolve));
  }

  static LineageAnalysis analyze(Path manifest) {
    return Lineage.analyze(manifest, new LineageOptions(false, false));
  }

  static ExportRequest request(Path manifest, List<AuditedFinding> findings) {
    return new ExportRequest(analyze(manifest), findings, CREATED, "0.1.0-test");
  }

  static ExportRequest owlNumbers() {
    return request(
        repo().resolve("samples/owl-numbers/heredity.yaml"),
        List.of(
            new AuditedFinding(
                "same-base-pair",
                "high",
                "owl-teacher -> owl-student",
                "owl-teacher -> owl-student share a base"),
            new AuditedFinding(
                "policy-expired", "medium", "suppression x", "a suppression expired"),
            new AuditedFinding(
                "detector-signal", "high", "owl-numbers", "owl-numbers differs from its control")));
  }
}
