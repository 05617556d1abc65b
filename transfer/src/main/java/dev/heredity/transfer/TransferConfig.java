package dev.heredity.transfer;

import dev.heredity.transfer.InvalidTransferConfigException.Constraint;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one transfer-test run. Defaults are the published setup: MLP 784-256-256-(10+3), Adam
 * lr 3e-4, batch 1024, 5 teacher epochs, 5 distillation epochs on 60,000 uniform noise images.
 *
 * @param models independent initialisations (each with its own teacher); at least 2, since
 *     cross-init for model i uses model (i+1 mod N)'s init
 * @param aux auxiliary logits m (the students' only training signal)
 * @param hidden width of both hidden layers
 * @param epochsTeacher cross-entropy epochs of each teacher on the training digits
 * @param epochsDistill distillation epochs of each student on the noise images
 * @param noise uniform(-1, 1) noise images, drawn once and shared by all students
 * @param lr Adam learning rate
 * @param batch minibatch size
 * @param data folder of IDX files, or null for the embedded 10k MNIST digits
 * @param sigmas init-perturbation sweep (student init = teacher init + sigma x fresh init); empty =
 *     none
 * @param seed seed of every random draw (inits, shuffles, noise)
 * @param threads worker threads; results do not depend on it
 * @param controls also train the positive controls (KL over all 10+m logits), doubling the students
 */
public record TransferConfig(
    int models,
    int aux,
    int hidden,
    int epochsTeacher,
    int epochsDistill,
    int noise,
    double lr,
    int batch,
    Path data,
    List<Double> sigmas,
    long seed,
    int threads,
    boolean controls) {
  public static final List<Double> DEFAULT_SIGMAS = List.of(0.0, 0.1, 0.3, 1.0, 3.0);

  public TransferConfig {
    sigmas = List.copyOf(sigmas);
    require(models >= 2, "models", Constraint.AT_LEAST_TWO, models);
    require(aux >= 1, "aux", Constraint.AT_LEAST_ONE, aux);
    require(hidden >= 1, "hidden", Constraint.AT_LEAST_ONE, hidden);
    require(epochsTeacher >= 1, "epochsTeacher", Constraint.AT_LEAST_ONE, epochsTeacher);
    require(epochsDistill >= 0, "epochsDistill", Constraint.NON_NEGATIVE, epochsDistill);
    require(noise >= 1, "noise", Constraint.AT_LEAST_ONE, noise);
    require(lr > 0 && Double.isFinite(lr), "lr", Constraint.POSITIVE_FINITE, lr);
    require(batch >= 1, "batch", Constraint.AT_LEAST_ONE, batch);
    require(threads >= 1, "threads", Constraint.AT_LEAST_ONE, threads);
    for (double s : sigmas) {
      require(s >= 0 && Double.isFinite(s), "sigmas", Constraint.NON_NEGATIVE_FINITE, s);
    }
  }

  /** The published setup without the positive controls. */
  public TransferConfig(
      int models,
      int aux,
      int hidden,
      int epochsTeacher,
      int epochsDistill,
      int noise,
      double lr,
      int batch,
      Path data,
      List<Double> sigmas,
      long seed,
      int threads) {
    this(
        models,
        aux,
        hidden,
        epochsTeacher,
        epochsDistill,
        noise,
        lr,
        batch,
        data,
        sigmas,
        seed,
        threads,
        false);
  }

  /** 2 models, published hyper-parameters, embedded data, no sweep, seed 1, all available cores. */
  public static TransferConfig defaults() {
    return new TransferConfig(
        2,
        3,
        256,
        5,
        5,
        60_000,
        3e-4,
        1024,
        null,
        List.of(),
        1L,
        Runtime.getRuntime().availableProcessors());
  }

  public TransferConfig withModels(int n) {
    return with(copy -> copy.models = n);
  }

  public TransferConfig withSigmas(List<Double> s) {
    return with(copy -> copy.sigmas = s);
  }

  public TransferConfig withControls(boolean c) {
    return with(copy -> copy.controls = c);
  }

  public TransferConfig withThreads(int t) {
    return with(copy -> copy.threads = t);
  }

  public TransferConfig withData(Path d) {
    return with(copy -> copy.data = d);
  }

  /** A copy with some values changed: every wither goes through one place that lists the fields. */
  private TransferConfig with(java.util.function.Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** The fields of a copy being made; used only by {@link #with}. */
  private static final class Copy {
    private int models;
    private int aux;
    private int hidden;
    private int epochsTeacher;
    private int epochsDistill;
    private int noise;
    private double lr;
    private int batch;
    private Path data;
    private List<Double> sigmas;
    private long seed;
    private int threads;
    private boolean controls;

    Copy(TransferConfig c) {
      models = c.models;
      aux = c.aux;
      hidden = c.hidden;
      epochsTeacher = c.epochsTeacher;
      epochsDistill = c.epochsDistill;
      noise = c.noise;
      lr = c.lr;
      batch = c.batch;
      data = c.data;
      sigmas = c.sigmas;
      seed = c.seed;
      threads = c.threads;
      controls = c.controls;
    }

    TransferConfig build() {
      return new TransferConfig(
          models,
          aux,
          hidden,
          epochsTeacher,
          epochsDistill,
          noise,
          lr,
          batch,
          data,
          sigmas,
          seed,
          threads,
          controls);
    }
  }

  private static void require(boolean ok, String field, Constraint constraint, double value) {
    if (!ok) {
      throw new InvalidTransferConfigException(field, constraint, value);
    }
  }
}
