package dev.heredity.transfer.engine;

/** A table of input rows (images or noise) that training copies into its batch buffer as floats. */
public interface InputRows {
  int count();

  int width();

  /** Writes row {@code index} as {@link #width()} floats at {@code dst[offset...]}. */
  void copyRow(int index, float[] dst, int offset);
}
