package dev.heredity.audit.report;

import dev.heredity.lineage.Severity;
import java.util.List;

/**
 * One teacher to student pair: the training that joins them, the datasets on the way, the node path,
 * whether they share a base model (and which roots), and the pair's severity.
 */
public record PairRow(
    String teacher,
    String student,
    String training,
    List<String> datasets,
    List<String> path,
    boolean sharedBase,
    List<String> sharedRoots,
    Severity severity) {

  public PairRow {
    datasets = Lists.copy(datasets);
    path = Lists.copy(path);
    sharedRoots = Lists.copy(sharedRoots);
  }
}
