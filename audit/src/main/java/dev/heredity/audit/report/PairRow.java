package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.List;

/**
 * One teacher to student pair: the training that joins them, the datasets on the way, the node
 * path, whether they share a base model (and which roots), the pair's severity, and the evidence of
 * each hop.
 */
public record PairRow(
    String teacher,
    String student,
    String training,
    List<String> datasets,
    List<String> path,
    boolean sharedBase,
    List<String> sharedRoots,
    Severity severity,
    List<HopRow> hops) {

  public PairRow {
    datasets = Lists.copy(datasets);
    path = Lists.copy(path);
    sharedRoots = Lists.copy(sharedRoots);
    hops = Lists.copy(hops);
  }

  /** A pair without hop evidence. */
  public PairRow(
      String teacher,
      String student,
      String training,
      List<String> datasets,
      List<String> path,
      boolean sharedBase,
      List<String> sharedRoots,
      Severity severity) {
    this(teacher, student, training, datasets, path, sharedBase, sharedRoots, severity, List.of());
  }
}
