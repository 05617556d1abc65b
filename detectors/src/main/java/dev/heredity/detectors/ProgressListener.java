package dev.heredity.detectors;

/**
 * Receives progress of long-running work (permutations, training epochs). Implementations must be
 * cheap and thread-safe; the CLI draws a bar on stderr only when stderr is a terminal.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores every update. */
  ProgressListener NONE = (task, done, total) -> {};

  /**
   * @param task short label of the current stage, e.g. {@code "permutations"}
   * @param done units finished so far
   * @param total units in the stage
   */
  void update(String task, long done, long total);
}
