package dev.heredity.weights.proxy;

import dev.heredity.transfer.engine.Mlp;
import dev.heredity.transfer.engine.MlpShape;
import dev.heredity.weights.InMemoryTensors;

/**
 * The MNIST proxy's MLP under its own tensor names: {@code fc1.weight}, {@code fc2.weight}, {@code
 * fc3.weight}.
 */
public final class ProxyTensors {
  private ProxyTensors() {}

  public static InMemoryTensors of(Mlp mlp, String label) {
    MlpShape s = mlp.shape();
    return new InMemoryTensors(label)
        .put("fc1.weight", new long[] {s.hidden(), s.inputs()}, mlp.layerWeights(1))
        .put("fc2.weight", new long[] {s.hidden(), s.hidden()}, mlp.layerWeights(2))
        .put("fc3.weight", new long[] {s.outputs(), s.hidden()}, mlp.layerWeights(3));
  }
}
