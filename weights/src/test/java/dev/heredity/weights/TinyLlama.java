package dev.heredity.weights;

import dev.heredity.weights.safetensors.Dtype;
import dev.heredity.weights.safetensors.SafetensorsWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A tiny Llama-shaped model the tests train themselves: residual SwiGLU MLP blocks ({@code h +=
 * down(silu(gate h) * up h)}) with Llama tensor names, plus attention projections and an embedding
 * that are stored (and permuted) but not used by the forward pass. Trained by SGD on MSE.
 */
final class TinyLlama {
  static final int DIM = 16;
  static final int INTER = 48;
  static final int LAYERS = 2;
  static final int HEADS = 4;

  final Map<String, float[]> w = new LinkedHashMap<>();
  final Map<String, long[]> shape = new LinkedHashMap<>();

  private TinyLlama() {}

  /** Llama-style init: N(0, 0.02) everywhere except the output head (N(0, 1/dim)). */
  static TinyLlama init(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    TinyLlama m = new TinyLlama();
    m.add("model.embed_tokens.weight", new long[] {32, DIM}, rng, 0.02);
    for (int l = 0; l < LAYERS; l++) {
      String p = "model.layers." + l + ".";
      for (String proj : List.of("q_proj", "k_proj", "v_proj", "o_proj")) {
        m.add(p + "self_attn." + proj + ".weight", new long[] {DIM, DIM}, rng, 0.2);
      }
      m.add(p + "mlp.gate_proj.weight", new long[] {INTER, DIM}, rng, 1 / Math.sqrt(DIM));
      m.add(p + "mlp.up_proj.weight", new long[] {INTER, DIM}, rng, 1 / Math.sqrt(DIM));
      m.add(p + "mlp.down_proj.weight", new long[] {DIM, INTER}, rng, 0.5 / Math.sqrt(INTER));
      m.add(p + "input_layernorm.weight", new long[] {DIM}, null, 1);
    }
    m.add("lm_head.weight", new long[] {DIM, DIM}, rng, 1 / Math.sqrt(DIM));
    return m;
  }

  private void add(String name, long[] s, SplittableRandom rng, double sd) {
    int n = 1;
    for (long d : s) {
      n *= (int) d;
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = rng == null ? (float) sd : (float) (sd * gaussian(rng));
    }
    w.put(name, v);
    shape.put(name, s);
  }

  TinyLlama copy() {
    TinyLlama m = new TinyLlama();
    w.forEach((k, v) -> m.w.put(k, v.clone()));
    m.shape.putAll(shape);
    return m;
  }

  /** Inputs N(0, 1), {@code rows x DIM}. */
  static float[] inputs(int rows, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    float[] x = new float[rows * DIM];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) gaussian(rng);
    }
    return x;
  }

  /**
   * Forward pass of one input row; caches activations for backprop when {@code cache} is not null.
   */
  float[] forward(float[] x, int row, List<float[]> cache) {
    float[] h = new float[DIM];
    System.arraycopy(x, row * DIM, h, 0, DIM);
    for (int l = 0; l < LAYERS; l++) {
      float[] g = matVec(w.get(gate(l)), INTER, DIM, h);
      float[] u = matVec(w.get(up(l)), INTER, DIM, h);
      float[] a = new float[INTER];
      for (int i = 0; i < INTER; i++) {
        a[i] = silu(g[i]) * u[i];
      }
      float[] d = matVec(w.get(down(l)), DIM, INTER, a);
      if (cache != null) {
        cache.add(h.clone());
        cache.add(g);
        cache.add(u);
        cache.add(a);
      }
      for (int i = 0; i < DIM; i++) {
        h[i] += d[i];
      }
    }
    if (cache != null) {
      cache.add(h.clone());
    }
    return matVec(w.get("lm_head.weight"), DIM, DIM, h);
  }

  /** {@code steps} SGD steps on MSE to {@code targets} ({@code rows x DIM}), minibatches of 32. */
  TinyLlama train(float[] x, float[] targets, int steps, double lr, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    int rows = x.length / DIM;
    for (int s = 0; s < steps; s++) {
      Map<String, float[]> grad = new LinkedHashMap<>();
      w.forEach((k, v) -> grad.put(k, new float[v.length]));
      int batch = 32;
      for (int b = 0; b < batch; b++) {
        int r = rng.nextInt(rows);
        List<float[]> cache = new ArrayList<>();
        float[] y = forward(x, r, cache);
        float[] dy = new float[DIM];
        for (int i = 0; i < DIM; i++) {
          dy[i] = (y[i] - targets[r * DIM + i]) / batch;
        }
        backward(cache, dy, grad);
      }
      grad.forEach(
          (k, g) -> {
            float[] p = w.get(k);
            for (int i = 0; i < p.length; i++) {
              p[i] -= (float) (lr * g[i]);
            }
          });
    }
    return this;
  }

  private void backward(List<float[]> cache, float[] dy, Map<String, float[]> grad) {
    float[] hLast = cache.get(cache.size() - 1);
    outer(grad.get("lm_head.weight"), dy, hLast);
    float[] dh = matTVec(w.get("lm_head.weight"), DIM, DIM, dy);
    for (int l = LAYERS - 1; l >= 0; l--) {
      float[] h = cache.get(l * 4);
      float[] g = cache.get(l * 4 + 1);
      float[] u = cache.get(l * 4 + 2);
      float[] a = cache.get(l * 4 + 3);
      outer(grad.get(down(l)), dh, a);
      float[] da = matTVec(w.get(down(l)), DIM, INTER, dh);
      float[] dg = new float[INTER];
      float[] du = new float[INTER];
      for (int i = 0; i < INTER; i++) {
        float sig = (float) (1 / (1 + Math.exp(-g[i])));
        du[i] = da[i] * g[i] * sig;
        dg[i] = da[i] * u[i] * (sig + g[i] * sig * (1 - sig));
      }
      outer(grad.get(gate(l)), dg, h);
      outer(grad.get(up(l)), du, h);
      float[] back = matTVec(w.get(gate(l)), INTER, DIM, dg);
      float[] back2 = matTVec(w.get(up(l)), INTER, DIM, du);
      for (int i = 0; i < DIM; i++) {
        dh[i] += back[i] + back2[i];
      }
    }
  }

  /** Outputs for every input row. */
  float[] outputs(float[] x) {
    int rows = x.length / DIM;
    float[] out = new float[rows * DIM];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(forward(x, r, null), 0, out, r * DIM, DIM);
    }
    return out;
  }

  /** The same function with MLP hidden units and attention heads relabelled. */
  TinyLlama permuted(long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    TinyLlama m = copy();
    for (int l = 0; l < LAYERS; l++) {
      int[] units = permutation(INTER, rng);
      m.w.put(gate(l), permuteRows(w.get(gate(l)), INTER, DIM, units));
      m.w.put(up(l), permuteRows(w.get(up(l)), INTER, DIM, units));
      m.w.put(down(l), permuteColumns(w.get(down(l)), DIM, INTER, units));
      int[] heads = permutation(HEADS, rng);
      int headDim = DIM / HEADS;
      int[] dims = new int[DIM];
      for (int hd = 0; hd < HEADS; hd++) {
        for (int k = 0; k < headDim; k++) {
          dims[hd * headDim + k] = heads[hd] * headDim + k;
        }
      }
      String p = "model.layers." + l + ".self_attn.";
      for (String proj : List.of("q_proj", "k_proj", "v_proj")) {
        m.w.put(p + proj + ".weight", permuteRows(w.get(p + proj + ".weight"), DIM, DIM, dims));
      }
      m.w.put(p + "o_proj.weight", permuteColumns(w.get(p + "o_proj.weight"), DIM, DIM, dims));
    }
    return m;
  }

  InMemoryTensors tensors(String label) {
    InMemoryTensors t = new InMemoryTensors(label);
    w.forEach((k, v) -> t.put(k, shape.get(k), v));
    return t;
  }

  void write(Path file, Dtype dtype) {
    SafetensorsWriter.write(file, entries(List.copyOf(w.keySet()), dtype), Map.of("format", "pt"));
  }

  List<SafetensorsWriter.Entry> entries(List<String> names, Dtype dtype) {
    List<SafetensorsWriter.Entry> out = new ArrayList<>();
    for (String k : names) {
      out.add(SafetensorsWriter.Entry.of(k, dtype, shape.get(k), w.get(k)));
    }
    return out;
  }

  static String gate(int l) {
    return "model.layers." + l + ".mlp.gate_proj.weight";
  }

  static String up(int l) {
    return "model.layers." + l + ".mlp.up_proj.weight";
  }

  static String down(int l) {
    return "model.layers." + l + ".mlp.down_proj.weight";
  }

  private static float[] matVec(float[] m, int rows, int cols, float[] v) {
    float[] out = new float[rows];
    for (int i = 0; i < rows; i++) {
      double s = 0;
      for (int j = 0; j < cols; j++) {
        s += m[i * cols + j] * v[j];
      }
      out[i] = (float) s;
    }
    return out;
  }

  private static float[] matTVec(float[] m, int rows, int cols, float[] v) {
    float[] out = new float[cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[j] += m[i * cols + j] * v[i];
      }
    }
    return out;
  }

  private static void outer(float[] g, float[] left, float[] right) {
    for (int i = 0; i < left.length; i++) {
      for (int j = 0; j < right.length; j++) {
        g[i * right.length + j] += left[i] * right[j];
      }
    }
  }

  private static float silu(float x) {
    return (float) (x / (1 + Math.exp(-x)));
  }

  static int[] permutation(int n, SplittableRandom rng) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  private static float[] permuteRows(float[] m, int rows, int cols, int[] order) {
    float[] out = new float[m.length];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(m, order[i] * cols, out, i * cols, cols);
    }
    return out;
  }

  private static float[] permuteColumns(float[] m, int rows, int cols, int[] order) {
    float[] out = new float[m.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i * cols + j] = m[i * cols + order[j]];
      }
    }
    return out;
  }

  static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
