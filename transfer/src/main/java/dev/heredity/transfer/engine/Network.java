package dev.heredity.transfer.engine;

/**
 * Forward and backward passes of one {@link Mlp} over a batch, with Adam (beta 0.9/0.999, eps 1e-8,
 * PyTorch's bias correction). Owns its buffers, so one instance per thread; single-threaded by
 * design so results never depend on scheduling.
 */
public final class Network {
  private static final float BETA1 = 0.9f;
  private static final float BETA2 = 0.999f;
  private static final float EPS = 1e-8f;

  private final Mlp mlp;
  private final MlpShape shape;
  private final Kernels kernels;
  private final int capacity;
  private final int in;
  private final int hp;
  private final int op;

  /** Batch input, rows x inputs; callers fill it through {@link #input()}. */
  private final float[] x;

  private final float[] h1;
  private final float[] h2;
  private final float[] out;
  private final float[] dOut;
  private final float[] dH1;
  private final float[] dH2;
  private final float[] w2t;
  private final float[] w3t;
  private final float[] bias1;
  private final float[] bias2;
  private final float[] bias3;
  private float[] grads;
  private float[] adamM;
  private float[] adamV;
  private int steps;

  public Network(Mlp mlp, int capacity, Kernels kernels) {
    this.mlp = mlp;
    this.shape = mlp.shape();
    this.kernels = kernels;
    this.capacity = capacity;
    this.in = shape.inputs();
    this.hp = shape.hiddenPadded();
    this.op = shape.outputsPadded();
    x = new float[capacity * in];
    h1 = new float[capacity * hp];
    h2 = new float[capacity * hp];
    out = new float[capacity * op];
    dOut = new float[capacity * op];
    dH1 = new float[capacity * hp];
    dH2 = new float[capacity * hp];
    w2t = new float[hp * hp];
    w3t = new float[op * hp];
    bias1 = new float[hp];
    bias2 = new float[hp];
    bias3 = new float[op];
  }

  public int capacity() {
    return capacity;
  }

  public float[] input() {
    return x;
  }

  /** Logits of the last forward pass, rows x {@code outputsPadded}. */
  public float[] output() {
    return out;
  }

  /**
   * Gradient of the loss w.r.t. the logits, rows x {@code outputsPadded}; fill before {@link
   * #backward}.
   */
  public float[] outputGradient() {
    return dOut;
  }

  public int outputStride() {
    return op;
  }

  /** Forward pass over the first {@code rows} rows of {@link #input()}. */
  public void forward(int rows) {
    float[] p = mlp.params;
    System.arraycopy(p, shape.b1(), bias1, 0, hp);
    System.arraycopy(p, shape.b2(), bias2, 0, hp);
    System.arraycopy(p, shape.b3(), bias3, 0, op);
    kernels.gemm(rows, hp, in, x, 0, in, 1, p, shape.w1(), hp, h1, 0, hp, false, bias1, true);
    kernels.gemm(rows, hp, hp, h1, 0, hp, 1, p, shape.w2(), hp, h2, 0, hp, false, bias2, true);
    kernels.gemm(rows, op, hp, h2, 0, hp, 1, p, shape.w3(), op, out, 0, op, false, bias3, false);
  }

  /** Backward pass for the last forward pass, then one Adam step. */
  public void backwardAndStep(int rows, float lr) {
    backward(rows);
    adamStep(lr);
  }

  /**
   * Gradients of the loss w.r.t. every parameter (layout of {@link MlpShape}), from {@link
   * #outputGradient()}.
   */
  void backward(int rows) {
    if (grads == null) {
      grads = new float[shape.parameterCount()];
      adamM = new float[grads.length];
      adamV = new float[grads.length];
    }
    float[] p = mlp.params;
    float[] g = grads;
    // layer 3
    kernels.gemm(hp, op, rows, h2, 0, 1, hp, dOut, 0, op, g, shape.w3(), op, false, null, false);
    kernels.columnSums(dOut, rows, op, g, shape.b3());
    transpose(p, shape.w3(), hp, op, w3t);
    kernels.gemm(rows, hp, op, dOut, 0, op, 1, w3t, 0, hp, dH2, 0, hp, false, null, false);
    kernels.reluBackward(dH2, h2, rows * hp);
    // layer 2
    kernels.gemm(hp, hp, rows, h1, 0, 1, hp, dH2, 0, hp, g, shape.w2(), hp, false, null, false);
    kernels.columnSums(dH2, rows, hp, g, shape.b2());
    transpose(p, shape.w2(), hp, hp, w2t);
    kernels.gemm(rows, hp, hp, dH2, 0, hp, 1, w2t, 0, hp, dH1, 0, hp, false, null, false);
    kernels.reluBackward(dH1, h1, rows * hp);
    // layer 1 (no input gradient needed)
    kernels.gemm(in, hp, rows, x, 0, 1, in, dH1, 0, hp, g, shape.w1(), hp, false, null, false);
    kernels.columnSums(dH1, rows, hp, g, shape.b1());
  }

  float[] gradients() {
    return grads;
  }

  private void adamStep(float lr) {
    float[] p = mlp.params;
    steps++;
    double bias1Correction = 1 - Math.pow(BETA1, steps);
    double bias2Correction = 1 - Math.pow(BETA2, steps);
    kernels.adam(
        p,
        grads,
        adamM,
        adamV,
        0,
        p.length,
        BETA1,
        BETA2,
        (float) (lr / bias1Correction),
        (float) (1 / Math.sqrt(bias2Correction)),
        EPS);
  }

  private static void transpose(float[] src, int offset, int rows, int cols, float[] dst) {
    for (int i = 0; i < rows; i++) {
      int s = offset + i * cols;
      for (int j = 0; j < cols; j++) {
        dst[j * rows + i] = src[s + j];
      }
    }
  }
}
