package dev.heredity.weights;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Tensors held as float arrays (the MNIST proxy's models, tests). */
public final class InMemoryTensors implements TensorSource {
  private final String label;
  private final Map<String, long[]> shapes = new LinkedHashMap<>();
  private final Map<String, float[]> values = new LinkedHashMap<>();

  public InMemoryTensors(String label) {
    this.label = label;
  }

  /** Adds a tensor; {@code values.length} must equal the product of {@code shape}. */
  public InMemoryTensors put(String name, long[] shape, float[] data) {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    if (n != data.length) {
      throw new IllegalArgumentException(
          name + ": shape holds " + n + " elements, data has " + data.length);
    }
    shapes.put(name, shape.clone());
    values.put(name, data);
    return this;
  }

  public float[] values(String name) {
    return values.get(name);
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public Map<String, long[]> shapes() {
    return Collections.unmodifiableMap(shapes);
  }

  @Override
  public void read(String name, long fromElement, float[] dst) {
    System.arraycopy(values.get(name), (int) fromElement, dst, 0, dst.length);
  }
}
