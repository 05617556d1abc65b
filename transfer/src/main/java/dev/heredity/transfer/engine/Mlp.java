package dev.heredity.transfer.engine;

import java.util.random.RandomGenerator;

/**
 * The parameters of one MLP (see {@link MlpShape} for the layout). Mutable: training updates them
 * in place.
 */
public final class Mlp {
  private final MlpShape shape;
  final float[] params;

  private Mlp(MlpShape shape, float[] params) {
    this.shape = shape;
    this.params = params;
  }

  /** Weights ~ N(0, 1/fan_in), biases 0 (the published initialisation). */
  public static Mlp initialise(MlpShape shape, RandomGenerator rng) {
    Mlp mlp = new Mlp(shape, new float[shape.parameterCount()]);
    mlp.addGaussianWeights(1.0, rng);
    return mlp;
  }

  /**
   * A copy whose weights are this model's plus {@code sigma} x a fresh N(0, 1/fan_in) draw; biases
   * unchanged.
   */
  public Mlp perturbed(double sigma, RandomGenerator rng) {
    Mlp copy = copy();
    if (sigma != 0) {
      copy.addGaussianWeights(sigma, rng);
    }
    return copy;
  }

  public Mlp copy() {
    return new Mlp(shape, params.clone());
  }

  public MlpShape shape() {
    return shape;
  }

  /**
   * Weight matrix of layer 1, 2 or 3 as {@code outputs x inputs} row-major (PyTorch's {@code
   * nn.Linear} layout: one row per unit of the layer), without padding.
   */
  public float[] layerWeights(int layer) {
    int h = shape.hidden();
    int hp = shape.hiddenPadded();
    return switch (layer) {
      case 1 -> transposed(shape.w1(), shape.inputs(), h, hp);
      case 2 -> transposed(shape.w2(), h, h, hp);
      case 3 -> transposed(shape.w3(), h, shape.outputs(), shape.outputsPadded());
      default -> throw new IllegalArgumentException("layer must be 1, 2 or 3, got " + layer);
    };
  }

  private float[] transposed(int offset, int fanIn, int fanOut, int stride) {
    float[] out = new float[fanIn * fanOut];
    for (int i = 0; i < fanIn; i++) {
      for (int j = 0; j < fanOut; j++) {
        out[j * fanIn + i] = params[offset + i * stride + j];
      }
    }
    return out;
  }

  private void addGaussianWeights(double scale, RandomGenerator rng) {
    int h = shape.hidden();
    int hp = shape.hiddenPadded();
    addGaussian(shape.w1(), shape.inputs(), h, hp, scale, rng);
    addGaussian(shape.w2(), h, h, hp, scale, rng);
    addGaussian(shape.w3(), h, shape.outputs(), shape.outputsPadded(), scale, rng);
  }

  private void addGaussian(
      int offset, int fanIn, int fanOut, int stride, double scale, RandomGenerator rng) {
    double sd = scale / Math.sqrt(fanIn);
    for (int i = 0; i < fanIn; i++) {
      for (int j = 0; j < fanOut; j++) {
        params[offset + i * stride + j] += (float) (sd * rng.nextGaussian());
      }
    }
  }
}
