package dev.heredity.audit.scan;

import dev.heredity.audit.report.EvidenceRow;
import dev.heredity.audit.report.HopRow;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.manifest.Evidence;
import java.nio.file.Path;
import java.util.List;

/** The hops of a pair's path with their evidence, paths shown as the report shows every path. */
final class PairHops {
  private final LineageAnalysis analysis;
  private final DisplayPaths paths;

  PairHops(LineageAnalysis analysis, DisplayPaths paths) {
    this.analysis = analysis;
    this.paths = paths;
  }

  List<HopRow> of(RiskPair pair) {
    return analysis.hops(pair).stream()
        .map(
            e ->
                new HopRow(
                    e.source(),
                    e.target(),
                    e.relation(),
                    e.evidence().stream().map(this::row).toList()))
        .toList();
  }

  /**
   * Artifact sources are relative to the manifest's folder; the manifest itself is named as it was
   * given.
   */
  private EvidenceRow row(Evidence e) {
    String source = e.source();
    Path manifest = analysis.manifest().file();
    String shown;
    if (source.contains("://")) {
      shown = source;
    } else if (source.equals(manifest.toString())) {
      shown = paths.show(manifest);
    } else {
      shown = paths.show(analysis.manifest().folder().resolve(source));
    }
    return new EvidenceRow(shown, e.at(), e.confidence().label());
  }
}
