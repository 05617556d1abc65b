package dev.heredity.transfer.engine;

/**
 * Layout of a 2-hidden-layer MLP in one flat parameter array: W1 (inputs x H), b1, W2 (H x H), b2,
 * W3 (H x O), b3, with weights stored input-major so the forward pass is {@code X W}. Hidden and
 * output widths are padded to {@link Kernels#PAD}; padded units have zero weights and stay zero
 * through training (their gradients are exactly zero), so padding does not change the model.
 */
public record MlpShape(int inputs, int hidden, int outputs) {
  public MlpShape {
    if (inputs < 1 || hidden < 1 || outputs < 1) {
      throw new IllegalArgumentException(
          "layer widths must be positive: " + inputs + "-" + hidden + "-" + outputs);
    }
  }

  static int pad(int width) {
    return (width + Kernels.PAD - 1) / Kernels.PAD * Kernels.PAD;
  }

  public int hiddenPadded() {
    return pad(hidden);
  }

  public int outputsPadded() {
    return pad(outputs);
  }

  int w1() {
    return 0;
  }

  int b1() {
    return w1() + inputs * hiddenPadded();
  }

  int w2() {
    return b1() + hiddenPadded();
  }

  int b2() {
    return w2() + hiddenPadded() * hiddenPadded();
  }

  int w3() {
    return b2() + hiddenPadded();
  }

  int b3() {
    return w3() + hiddenPadded() * outputsPadded();
  }

  public int parameterCount() {
    return b3() + outputsPadded();
  }

  /** Multiply-adds of one forward pass for one input row (real widths, for GFLOP/s figures). */
  public long forwardMacs() {
    return (long) inputs * hidden + (long) hidden * hidden + (long) hidden * outputs;
  }
}
