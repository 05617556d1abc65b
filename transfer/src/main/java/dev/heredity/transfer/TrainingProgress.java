package dev.heredity.transfer;

/**
 * Receives progress of training (epochs, students). Implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface TrainingProgress {
  /** A listener that ignores every update. */
  TrainingProgress NONE = (task, done, total) -> {};

  /**
   * @param task short label of the current stage, e.g. {@code "teachers"}
   * @param done units finished so far
   * @param total units in the stage
   */
  void update(String task, long done, long total);
}
