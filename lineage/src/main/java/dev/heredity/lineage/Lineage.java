package dev.heredity.lineage;

import dev.heredity.lineage.graph.ProvenanceGraph;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ManifestReader;
import dev.heredity.lineage.risk.PairFinder;
import dev.heredity.lineage.validate.ManifestValidator;
import java.nio.file.Path;
import java.util.List;

/** The lineage pipeline: read the manifest, validate it, build the graph, find the risk pairs. */
public final class Lineage {
  private Lineage() {}

  /**
   * Analyses a manifest.
   *
   * @throws InvalidManifestException when the manifest cannot be read or breaks a rule; its message
   *     is {@code file:line:column: message}
   */
  public static LineageAnalysis analyze(Path manifest, LineageOptions options) {
    return analyze(ManifestReader.read(manifest), options);
  }

  /** Analyses a manifest already parsed (or built in memory, e.g. by discovery). */
  public static LineageAnalysis analyze(Manifest parsed, LineageOptions options) {
    List<Diagnostic> warnings = ManifestValidator.validate(parsed, options);
    ProvenanceGraph graph = ProvenanceGraph.of(parsed);
    PairFinder.Result risks = new PairFinder(graph).find();
    return new LineageAnalysis(parsed, graph, warnings, risks.pairs(), risks.findings());
  }

  /** Reads and validates only; returns the warnings. */
  public static List<Diagnostic> validate(Path manifest, LineageOptions options) {
    return ManifestValidator.validate(ManifestReader.read(manifest), options);
  }
}
