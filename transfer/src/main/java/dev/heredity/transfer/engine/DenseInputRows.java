package dev.heredity.transfer.engine;

/** Input rows stored as one float array, e.g. noise images. */
public record DenseInputRows(float[] values, int count, int width) implements InputRows {
  public DenseInputRows {
    if ((long) count * width != values.length) {
      throw new IllegalArgumentException(count + " x " + width + " != " + values.length);
    }
  }

  @Override
  public void copyRow(int index, float[] dst, int offset) {
    System.arraycopy(values, index * width, dst, offset, width);
  }
}
