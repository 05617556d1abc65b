package dev.heredity.lineage;

import java.util.List;

/**
 * One generate-then-train hop on the way from a traced model: {@code teacher} generated data that
 * trained {@code student}.
 *
 * @param depth 1 for students of the traced model itself, 2 for their students, ...
 * @param chain model ids from the traced model to {@code student}
 * @param path ids of this hop: teacher, datasets (upstream first), training, student
 */
public record TraceHop(
    int depth,
    String teacher,
    String student,
    String training,
    List<String> datasets,
    List<String> path,
    boolean sameBase,
    List<String> sharedRoots,
    List<String> chain) {
  public TraceHop {
    datasets = List.copyOf(datasets);
    path = List.copyOf(path);
    sharedRoots = List.copyOf(sharedRoots);
    chain = List.copyOf(chain);
  }
}
