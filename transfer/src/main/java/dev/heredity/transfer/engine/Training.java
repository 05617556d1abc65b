package dev.heredity.transfer.engine;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The two training loops of the protocol: supervised cross-entropy on class logits (teacher) and
 * distillation by KL divergence on a slice of logits (students). Each epoch visits the rows in a
 * fresh order drawn from the given seed, so a run is a pure function of (model, data, settings,
 * seed).
 */
public final class Training {
  private Training() {}

  /** Settings shared by both loops. */
  public record Schedule(int epochs, int batch, double lr, long seed) {
    public int stepsFor(int rows) {
      return epochs * ((rows + batch - 1) / batch);
    }
  }

  /**
   * Cross-entropy (mean over the batch) on logits {@code [0, classes)}; the other logits get no
   * loss. {@code onStep} receives 1 after every optimiser step (for progress).
   */
  public static void trainClassifier(
      Network net,
      InputRows rows,
      byte[] labels,
      int classes,
      Schedule schedule,
      IntConsumer onStep) {
    int stride = net.outputStride();
    float[] out = net.output();
    float[] grad = net.outputGradient();
    runEpochs(
        net,
        rows,
        schedule,
        onStep,
        (order, start, count) -> {
          Arrays.fill(grad, 0, count * stride, 0f);
          float scale = 1f / count;
          for (int r = 0; r < count; r++) {
            int o = r * stride;
            Softmax.into(out, o, classes, grad, o);
            grad[o + labels[order[start + r]]] -= 1f;
            for (int j = 0; j < classes; j++) {
              grad[o + j] *= scale;
            }
          }
        });
  }

  /**
   * KL(softmax(teacher[from, to)) || softmax(student[from, to))) summed over the batch, as in the
   * published code. {@code teacherLogits} holds one row of {@code teacherStride} logits per input
   * row.
   */
  public static void distill(
      Network net,
      InputRows rows,
      float[] teacherLogits,
      int teacherStride,
      int from,
      int to,
      Schedule schedule,
      IntConsumer onStep) {
    int stride = net.outputStride();
    float[] out = net.output();
    float[] grad = net.outputGradient();
    int width = to - from;
    float[] target = new float[width];
    runEpochs(
        net,
        rows,
        schedule,
        onStep,
        (order, start, count) -> {
          Arrays.fill(grad, 0, count * stride, 0f);
          for (int r = 0; r < count; r++) {
            int o = r * stride + from;
            Softmax.into(teacherLogits, order[start + r] * teacherStride + from, width, target, 0);
            Softmax.into(out, o, width, grad, o);
            for (int j = 0; j < width; j++) {
              grad[o + j] -= target[j];
            }
          }
        });
  }

  @FunctionalInterface
  private interface LossGradient {
    /**
     * Fills the network's output gradient for rows {@code order[start .. start+count)} after a
     * forward pass.
     */
    void fill(int[] order, int start, int count);
  }

  private static void runEpochs(
      Network net, InputRows rows, Schedule schedule, IntConsumer onStep, LossGradient loss) {
    int n = rows.count();
    int width = rows.width();
    int batch = Math.min(schedule.batch(), net.capacity());
    float[] x = net.input();
    int[] order = new int[n];
    SplittableRandom rng = new SplittableRandom(schedule.seed());
    float lr = (float) schedule.lr();
    for (int epoch = 0; epoch < schedule.epochs(); epoch++) {
      shuffle(order, rng);
      for (int start = 0; start < n; start += batch) {
        int count = Math.min(batch, n - start);
        for (int r = 0; r < count; r++) {
          rows.copyRow(order[start + r], x, r * width);
        }
        net.forward(count);
        loss.fill(order, start, count);
        net.backwardAndStep(count, lr);
        onStep.accept(1);
      }
    }
  }

  private static void shuffle(int[] order, SplittableRandom rng) {
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    for (int i = order.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Logits of every row, {@code rows.count()} x {@code outputsPadded}, computed in batches. */
  public static float[] logits(Network net, InputRows rows) {
    int n = rows.count();
    int width = rows.width();
    int stride = net.outputStride();
    float[] all = new float[n * stride];
    float[] x = net.input();
    for (int start = 0; start < n; start += net.capacity()) {
      int count = Math.min(net.capacity(), n - start);
      for (int r = 0; r < count; r++) {
        rows.copyRow(start + r, x, r * width);
      }
      net.forward(count);
      System.arraycopy(net.output(), 0, all, start * stride, count * stride);
    }
    return all;
  }

  /** Per row: whether the argmax of logits {@code [0, classes)} equals the label. */
  public static boolean[] correct(Network net, InputRows rows, byte[] labels, int classes) {
    float[] logits = logits(net, rows);
    int stride = net.outputStride();
    boolean[] correct = new boolean[rows.count()];
    for (int i = 0; i < correct.length; i++) {
      int best = 0;
      for (int j = 1; j < classes; j++) {
        if (logits[i * stride + j] > logits[i * stride + best]) {
          best = j;
        }
      }
      correct[i] = best == labels[i];
    }
    return correct;
  }
}
