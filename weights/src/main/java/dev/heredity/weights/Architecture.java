package dev.heredity.weights;

/** Tensor naming schemes whose MLP hidden units the test knows how to find. */
public enum Architecture {
  /** Llama, Qwen, Mistral: {@code model.layers.N.mlp.gate_proj|up_proj|down_proj.weight}. */
  LLAMA("llama"),
  /**
   * GPT-2: {@code h.N.mlp.c_fc.weight} (units are columns) and {@code h.N.mlp.c_proj.weight}
   * (rows).
   */
  GPT2("gpt2"),
  /**
   * The MNIST proxy's MLP: {@code fc1.weight}, {@code fc2.weight} (hidden layers; {@code fc3} is
   * the output).
   */
  MNIST_PROXY("mnist-proxy");

  private final String id;

  Architecture(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
