package dev.heredity.weights;

import java.util.Map;

/**
 * Named floating-point tensors of one model, read on demand (a checkpoint on disk or a model in
 * memory).
 */
public interface TensorSource extends AutoCloseable {
  /** How the model is shown in evidence, e.g. its path. */
  String label();

  /** Shape of every tensor readable as floats, in a stable order. */
  Map<String, long[]> shapes();

  /**
   * Elements {@code [fromElement, fromElement + dst.length)} of a tensor (row-major) as floats.
   * Called from several threads at once (the sketch reads row ranges in parallel).
   */
  void read(String name, long fromElement, float[] dst);

  @Override
  default void close() {}
}
