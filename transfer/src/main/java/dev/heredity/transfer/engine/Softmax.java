package dev.heredity.transfer.engine;

/** Numerically stable softmax of a short slice (the 10-13 logits of a row). */
final class Softmax {
  private Softmax() {}

  static void into(float[] src, int srcOff, int width, float[] dst, int dstOff) {
    float max = Float.NEGATIVE_INFINITY;
    for (int j = 0; j < width; j++) {
      max = Math.max(max, src[srcOff + j]);
    }
    float sum = 0f;
    for (int j = 0; j < width; j++) {
      float e = (float) Math.exp(src[srcOff + j] - max);
      dst[dstOff + j] = e;
      sum += e;
    }
    float inv = 1f / sum;
    for (int j = 0; j < width; j++) {
      dst[dstOff + j] *= inv;
    }
  }
}
