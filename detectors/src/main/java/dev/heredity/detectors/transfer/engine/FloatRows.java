package dev.heredity.detectors.transfer.engine;

/** Rows stored as one float array, e.g. noise images. */
public record FloatRows(float[] values, int count, int width) implements Rows {
    public FloatRows {
        if ((long) count * width != values.length) {
            throw new IllegalArgumentException(count + " x " + width + " != " + values.length);
        }
    }

    @Override
    public void copyRow(int index, float[] dst, int offset) {
        System.arraycopy(values, index * width, dst, offset, width);
    }
}
