package dev.heredity.lineage;

import dev.heredity.lineage.graph.GraphEdge;
import dev.heredity.lineage.graph.ProvenanceGraph;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.risk.Tracer;
import java.util.List;

/**
 * Everything {@link Lineage#analyze} learns from a manifest. Pairs and findings are sorted worst
 * first, then by ids.
 */
public record LineageAnalysis(
    Manifest manifest,
    ProvenanceGraph graph,
    List<Diagnostic> warnings,
    List<RiskPair> pairs,
    List<LineageFinding> findings) {
  public LineageAnalysis {
    warnings = List.copyOf(warnings);
    pairs = List.copyOf(pairs);
    findings = List.copyOf(findings);
  }

  /** How many hops {@link #trace(String)} lists at most. */
  public static final int DEFAULT_TRACE_LIMIT = 1_000;

  /**
   * Generate-then-train hops through which a trait of {@code modelId} may have spread, breadth
   * first: each reached model once, by its shortest chain; at most {@value #DEFAULT_TRACE_LIMIT}
   * hops.
   *
   * @throws IllegalArgumentException when no model has that id
   */
  public List<TraceHop> trace(String modelId) {
    return trace(modelId, DEFAULT_TRACE_LIMIT).hops();
  }

  /**
   * As {@link #trace(String)}, listing at most {@code limit} hops; the result says how many models
   * were reached in all.
   */
  public Trace trace(String modelId, int limit) {
    return new Tracer(graph, pairs).trace(modelId, limit);
  }

  /**
   * The edges along a pair's path, teacher to student, each carrying the evidence of its hop (where
   * the manifest or an artifact declares it).
   */
  public List<GraphEdge> hops(RiskPair pair) {
    return graph.edgesAlong(pair.path());
  }

  /** The most severe pair or finding, or null when there is none. */
  public Severity worstSeverity() {
    Severity worst = null;
    for (RiskPair pair : pairs) {
      worst = worst == null || pair.severity().compareTo(worst) < 0 ? pair.severity() : worst;
    }
    for (LineageFinding finding : findings) {
      worst = worst == null || finding.severity().compareTo(worst) < 0 ? finding.severity() : worst;
    }
    return worst;
  }

  /** Whether any pair or finding is at or above {@code threshold}. */
  public boolean reaches(Severity threshold) {
    Severity worst = worstSeverity();
    return worst != null && worst.atLeast(threshold);
  }
}
