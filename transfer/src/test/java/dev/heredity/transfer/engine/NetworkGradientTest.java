package dev.heredity.transfer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against central finite differences of the loss sum(w_o * logit_o) on a tiny MLP
 * with padded widths, for both kernel sets.
 */
class NetworkGradientTest {

  static Stream<Kernels> kernels() {
    return Stream.of(Kernels.scalar(), Kernels.best()).distinct();
  }

  @ParameterizedTest
  @MethodSource("kernels")
  void backwardMatchesFiniteDifferences(Kernels kernels) {
    MlpShape shape = new MlpShape(6, 5, 4);
    SplittableRandom rng = new SplittableRandom(9);
    Mlp mlp = Mlp.initialise(shape, rng);
    for (int i = 0; i < mlp.params.length; i++) {
      if (mlp.params[i] != 0f) {
        mlp.params[i] += 0.05f; // biases stay 0 in padding; shift real weights so ReLUs are mixed
      }
    }
    int rows = 3;
    Network net = new Network(mlp, rows, kernels);
    float[] x = KernelsTest.random(rows * 6, rng);
    float[] weights = KernelsTest.random(rows * shape.outputsPadded(), rng);
    for (int r = 0; r < rows; r++) {
      for (int j = shape.outputs(); j < shape.outputsPadded(); j++) {
        weights[r * shape.outputsPadded() + j] = 0f;
      }
    }
    System.arraycopy(x, 0, net.input(), 0, x.length);
    net.forward(rows);
    System.arraycopy(weights, 0, net.outputGradient(), 0, weights.length);
    net.backward(rows);
    float[] analytic = net.gradients().clone();

    int checked = 0;
    for (int i = 0; i < mlp.params.length; i += 3) {
      float saved = mlp.params[i];
      double h = 1e-2;
      mlp.params[i] = (float) (saved + h);
      double plus = loss(net, rows, weights);
      mlp.params[i] = (float) (saved - h);
      double minus = loss(net, rows, weights);
      mlp.params[i] = saved;
      double numeric = (plus - minus) / (2 * h);
      assertThat((double) analytic[i])
          .as("parameter %d", i)
          .isCloseTo(numeric, offset(2e-2 * (1 + Math.abs(numeric))));
      checked += numeric != 0 ? 1 : 0;
    }
    assertThat(checked).isGreaterThan(20);
  }

  private static double loss(Network net, int rows, float[] weights) {
    net.forward(rows);
    double s = 0;
    for (int i = 0; i < weights.length; i++) {
      s += (double) weights[i] * net.output()[i];
    }
    return s;
  }
}
