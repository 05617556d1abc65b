package dev.heredity.transfer;

import dev.heredity.transfer.data.DigitData;
import dev.heredity.transfer.engine.DenseInputRows;
import dev.heredity.transfer.engine.Kernels;
import dev.heredity.transfer.engine.Mlp;
import dev.heredity.transfer.engine.MlpShape;
import dev.heredity.transfer.engine.Network;
import dev.heredity.transfer.engine.Training;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MNIST-proxy subliminal-transfer experiment (Cloud et al., 2025): per model, a teacher learns
 * the digits on its 10 class logits; students that only imitate the teacher's m auxiliary logits on
 * noise images are then scored on the digits. Same-init students inherit the skill, cross-init
 * students do not.
 *
 * <p>Work is split into independent single-threaded tasks (one teacher, one student), so results
 * are the same for every thread count.
 */
public final class TransferTest {
  private static final int CLASSES = DigitData.CLASSES;
  private static final int NOISE_CHUNK = 1024;

  private final TransferConfig config;
  private final Kernels kernels;
  private final TrainingProgress progress;
  private final ModelSink sink;
  private final AtomicLong stepsDone = new AtomicLong();
  private long stepsTotal;

  private TransferTest(
      TransferConfig config, Kernels kernels, TrainingProgress progress, ModelSink sink) {
    this.config = config;
    this.kernels = kernels;
    this.progress = progress;
    this.sink = sink;
  }

  /** Runs the experiment with the fastest available kernels. */
  public static TransferResult run(TransferConfig config, TrainingProgress progress) {
    return runWithEvidence(config, progress, Kernels.best()).result();
  }

  /** The result together with the numbers behind its verdict. */
  public record Outcome(TransferResult result, VerdictTest.Evidence evidence) {}

  public static Outcome runWithEvidence(
      TransferConfig config, TrainingProgress progress, Kernels kernels) {
    return runWithEvidence(config, progress, kernels, ModelSink.NONE);
  }

  /** Also hands every trained teacher and student to {@code sink} (e.g. to test their weights). */
  public static Outcome runWithEvidence(
      TransferConfig config, TrainingProgress progress, Kernels kernels, ModelSink sink) {
    DigitData data =
        config.data() == null ? DigitData.embedded() : DigitData.fromDirectory(config.data());
    return new TransferTest(config, kernels, progress, sink).run(data);
  }

  /** Runs on already-loaded data (tests use this to avoid re-reading files). */
  public static Outcome runWithEvidence(
      TransferConfig config, DigitData data, TrainingProgress progress, Kernels kernels) {
    return new TransferTest(config, kernels, progress, ModelSink.NONE).run(data);
  }

  private record Teacher(
      Mlp init, boolean[] teacherCorrect, boolean[] referenceCorrect, float[] noiseLogits) {}

  private record StudentJob(String arm, int model, Mlp init, boolean allLogits) {}

  private Outcome run(DigitData data) {
    long start = System.nanoTime();
    int n = config.models();
    MlpShape shape = new MlpShape(data.train().width(), config.hidden(), CLASSES + config.aux());
    List<Mlp> inits = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      inits.add(Mlp.initialise(shape, Seeds.random(config.seed(), Seeds.INIT, i, 0)));
    }
    Map<String, List<StudentJob>> jobs = studentJobs(inits);
    int studentCount = jobs.values().stream().mapToInt(List::size).sum();
    stepsTotal =
        (long) n
                * schedule(config.epochsTeacher(), Seeds.TEACHER_ORDER, 0)
                    .stepsFor(data.train().count())
            + (long) studentCount
                * schedule(config.epochsDistill(), Seeds.STUDENT_ORDER, 0).stepsFor(config.noise());

    ExecutorService pool =
        Executors.newFixedThreadPool(
            config.threads(),
            runnable -> {
              Thread t = new Thread(runnable, "heredity-transfer");
              t.setDaemon(true);
              return t;
            });
    try {
      Future<?> warmUp = pool.submit(kernels::warmUp); // overlaps with drawing the noise
      DenseInputRows noise = noise(data.train().width(), pool);
      await(warmUp);
      List<Callable<Teacher>> teacherTasks = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int model = i;
        teacherTasks.add(() -> teacher(model, inits.get(model), data, noise));
      }
      List<Teacher> teachers = all(pool, teacherTasks);

      Map<String, List<boolean[]>> correct = new LinkedHashMap<>();
      List<Callable<boolean[]>> studentTasks = new ArrayList<>();
      jobs.forEach(
          (arm, list) ->
              list.forEach(
                  job ->
                      studentTasks.add(
                          () -> student(job, teachers.get(job.model()), data, noise))));
      List<boolean[]> studentResults = all(pool, studentTasks);

      correct.put(Arm.TEACHER.id(), teachers.stream().map(Teacher::teacherCorrect).toList());
      correct.put(Arm.REFERENCE.id(), teachers.stream().map(Teacher::referenceCorrect).toList());
      int next = 0;
      for (Map.Entry<String, List<StudentJob>> e : jobs.entrySet()) {
        correct.put(e.getKey(), studentResults.subList(next, next + e.getValue().size()));
        next += e.getValue().size();
      }
      return outcome(correct, (System.nanoTime() - start) / 1e9);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Students by arm (and sweep point, keyed "sweep:i"), in report order. */
  private Map<String, List<StudentJob>> studentJobs(List<Mlp> inits) {
    int n = inits.size();
    Map<String, List<StudentJob>> jobs = new LinkedHashMap<>();
    List<StudentJob> same = new ArrayList<>();
    List<StudentJob> cross = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      same.add(new StudentJob(Arm.SAME_INIT.id(), i, inits.get(i), false));
      cross.add(new StudentJob(Arm.CROSS_INIT.id(), i, inits.get((i + 1) % n), false));
    }
    jobs.put(Arm.SAME_INIT.id(), same);
    jobs.put(Arm.CROSS_INIT.id(), cross);
    if (config.controls()) {
      jobs.put(
          Arm.SAME_INIT_ALL_LOGITS.id(),
          same.stream()
              .map(j -> new StudentJob(Arm.SAME_INIT_ALL_LOGITS.id(), j.model(), j.init(), true))
              .toList());
      jobs.put(
          Arm.CROSS_INIT_ALL_LOGITS.id(),
          cross.stream()
              .map(j -> new StudentJob(Arm.CROSS_INIT_ALL_LOGITS.id(), j.model(), j.init(), true))
              .toList());
    }
    List<Double> sigmas = config.sigmas();
    for (int s = 0; s < sigmas.size(); s++) {
      if (sigmas.get(s) == 0.0) {
        continue; // identical to same-init: same init, same noise order
      }
      List<StudentJob> point = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        point.add(
            new StudentJob(
                ModelSink.sweepKey(s),
                i,
                inits
                    .get(i)
                    .perturbed(sigmas.get(s), Seeds.random(config.seed(), Seeds.PERTURB, i, s)),
                false));
      }
      jobs.put(ModelSink.sweepKey(s), point);
    }
    return jobs;
  }

  private Teacher teacher(int model, Mlp init, DigitData data, DenseInputRows noise) {
    Mlp teacher = init.copy();
    Network net = new Network(teacher, config.batch(), kernels);
    Training.trainClassifier(
        net,
        data.train(),
        data.train().labels(),
        CLASSES,
        schedule(config.epochsTeacher(), Seeds.TEACHER_ORDER, model),
        this::stepped);
    boolean[] teacherCorrect = Training.correct(net, data.test(), data.test().labels(), CLASSES);
    float[] logits =
        compact(Training.logits(net, noise), net.outputStride(), init.shape().outputs());
    boolean[] referenceCorrect =
        Training.correct(
            new Network(init.copy(), config.batch(), kernels),
            data.test(),
            data.test().labels(),
            CLASSES);
    sink.trained(Arm.TEACHER.id(), model, teacher);
    return new Teacher(init, teacherCorrect, referenceCorrect, logits);
  }

  private boolean[] student(StudentJob job, Teacher teacher, DigitData data, DenseInputRows noise) {
    Mlp student = job.init().copy();
    Network net = new Network(student, config.batch(), kernels);
    int outputs = job.init().shape().outputs();
    int from = job.allLogits() ? 0 : CLASSES;
    Training.distill(
        net,
        noise,
        teacher.noiseLogits(),
        outputs,
        from,
        outputs,
        schedule(config.epochsDistill(), Seeds.STUDENT_ORDER, job.model()),
        this::stepped);
    boolean[] correct = Training.correct(net, data.test(), data.test().labels(), CLASSES);
    sink.trained(job.arm(), job.model(), student);
    return correct;
  }

  private Training.Schedule schedule(int epochs, int purpose, int model) {
    return new Training.Schedule(
        epochs, config.batch(), config.lr(), Seeds.derive(config.seed(), purpose, model, 0));
  }

  private void stepped(int steps) {
    progress.update("training", stepsDone.addAndGet(steps), stepsTotal);
  }

  /**
   * Uniform(-1, 1) noise images, generated in fixed chunks with their own seeds (any thread order).
   */
  private DenseInputRows noise(int width, ExecutorService pool) {
    int rows = config.noise();
    float[] values = new float[Math.multiplyExact(rows, width)];
    List<Callable<Void>> tasks = new ArrayList<>();
    for (int c = 0; c * NOISE_CHUNK < rows; c++) {
      int chunk = c;
      tasks.add(
          () -> {
            SplittableRandom rng = Seeds.random(config.seed(), Seeds.NOISE, chunk, 0);
            int from = chunk * NOISE_CHUNK * width;
            int to = Math.min(rows, (chunk + 1) * NOISE_CHUNK) * width;
            for (int i = from; i < to; i++) {
              values[i] = (float) (rng.nextDouble() * 2 - 1);
            }
            return null;
          });
    }
    all(pool, tasks);
    return new DenseInputRows(values, rows, width);
  }

  private static float[] compact(float[] logits, int stride, int width) {
    int rows = logits.length / stride;
    float[] out = new float[rows * width];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(logits, r * stride, out, r * width, width);
    }
    return out;
  }

  private Outcome outcome(Map<String, List<boolean[]>> correct, double seconds) {
    Map<String, ArmResult> arms = new LinkedHashMap<>();
    List<SweepPoint> sweep = new ArrayList<>();
    for (Arm arm : Arm.values()) {
      List<boolean[]> c = correct.get(arm.id());
      if (c != null) {
        arms.put(arm.id(), new ArmResult(accuracy(c)));
      }
    }
    List<Double> sigmas = config.sigmas();
    for (int s = 0; s < sigmas.size(); s++) {
      List<boolean[]> c =
          sigmas.get(s) == 0.0
              ? correct.get(Arm.SAME_INIT.id())
              : correct.get(ModelSink.sweepKey(s));
      sweep.add(new SweepPoint(sigmas.get(s), accuracy(c)));
    }
    VerdictTest.Evidence evidence =
        VerdictTest.decide(correct.get(Arm.SAME_INIT.id()), correct.get(Arm.CROSS_INIT.id()));
    return new Outcome(
        new TransferResult(config, arms, sweep, seconds, evidence.verdict()), evidence);
  }

  private static Accuracy accuracy(List<boolean[]> perModel) {
    List<Double> values = new ArrayList<>();
    for (boolean[] c : perModel) {
      int right = 0;
      for (boolean b : c) {
        right += b ? 1 : 0;
      }
      values.add(right / (double) c.length);
    }
    return Accuracy.of(values);
  }

  private static <T> List<T> all(ExecutorService pool, List<? extends Callable<T>> tasks) {
    List<Future<T>> futures = new ArrayList<>();
    for (Callable<T> task : tasks) {
      futures.add(pool.submit(task));
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : futures) {
      results.add(await(f));
    }
    return results;
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
