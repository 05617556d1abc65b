package dev.heredity.lineage;

import java.util.List;

/**
 * A teacher whose generated data reaches a training run, paired with the run's student.
 *
 * @param datasets the run's datasets that carry the teacher's data
 * @param path ids from teacher to student: teacher, datasets (upstream first), training, student
 * @param sharedRoots init roots both models reach, or the names of init groups that join them
 * @param location where the training is declared
 */
public record RiskPair(
    String teacher,
    String student,
    String training,
    List<String> datasets,
    List<String> path,
    boolean sharedBase,
    List<String> sharedRoots,
    Severity severity,
    String reason,
    SourceLocation location) {
  public RiskPair {
    datasets = List.copyOf(datasets);
    path = List.copyOf(path);
    sharedRoots = List.copyOf(sharedRoots);
  }
}
