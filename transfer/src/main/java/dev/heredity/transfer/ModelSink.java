package dev.heredity.transfer;

import dev.heredity.transfer.engine.Mlp;

/**
 * Receives every model the experiment trains, right after its training, from the worker thread that
 * trained it (implementations must be thread-safe). A model's teacher always arrives before its
 * students.
 */
@FunctionalInterface
public interface ModelSink {
  ModelSink NONE = (arm, model, weights) -> {};

  /**
   * @param arm {@code "teacher"}, an {@link Arm} id of a student arm, or {@link #sweepKey(int)} for
   *     the student of the i-th sweep sigma (sigma 0 is the same-init arm itself)
   * @param model the model index (teacher i and its students share it)
   * @param weights the trained parameters (not copied: do not modify)
   */
  void trained(String arm, int model, Mlp weights);

  static String sweepKey(int sigmaIndex) {
    return "sweep:" + sigmaIndex;
  }
}
