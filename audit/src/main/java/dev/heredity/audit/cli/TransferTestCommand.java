package dev.heredity.audit.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.heredity.audit.weights.ProxyWeightsTable;
import dev.heredity.transfer.Accuracy;
import dev.heredity.transfer.ArmResult;
import dev.heredity.transfer.InvalidTransferConfigException;
import dev.heredity.transfer.ModelSink;
import dev.heredity.transfer.SweepPoint;
import dev.heredity.transfer.TransferConfig;
import dev.heredity.transfer.TransferResult;
import dev.heredity.transfer.TransferTest;
import dev.heredity.transfer.VerdictTest;
import dev.heredity.transfer.engine.Kernels;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.proxy.ProxyWeightStudy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heredity transfer-test}: the built-in MNIST-proxy subliminal transfer experiment. */
@Command(
    name = "transfer-test",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run the built-in MNIST-proxy subliminal transfer experiment (same init vs cross init).",
      "",
      "Per model, a teacher MLP learns digits on its 10 class logits; students then imitate only the"
          + " teacher's auxiliary logits on noise images and are scored on the digits. A student that shares"
          + " the teacher's initialisation learns the digits it never saw; one with another init does not."
          + " Defaults are the published setup; the embedded 10k MNIST digits need no download.",
      ""
    })
public final class TransferTestCommand implements Callable<Integer> {
  enum OutputFormat {
    table,
    json
  }

  enum Sweep {
    perturb
  }

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Option(
      names = "--models",
      paramLabel = "N",
      defaultValue = "2",
      description =
          "Independent inits, each with its own teacher; mean and 95%% CI across them 2 to 100 (default: ${DEFAULT-VALUE}).")
  int models;

  @Option(
      names = "--aux",
      paramLabel = "M",
      defaultValue = "3",
      description = "Auxiliary logits, 1 to 100 (default: ${DEFAULT-VALUE}).")
  int aux;

  @Option(
      names = "--hidden",
      paramLabel = "H",
      defaultValue = "256",
      description = "Width of both hidden layers, 1 to 4096 (default: ${DEFAULT-VALUE}).")
  int hidden;

  @Option(
      names = "--epochs-teacher",
      paramLabel = "E",
      defaultValue = "5",
      description = "Teacher epochs, 1 to 1000 (default: ${DEFAULT-VALUE}).")
  int epochsTeacher;

  @Option(
      names = "--epochs-distill",
      paramLabel = "E",
      defaultValue = "5",
      description = "Student epochs, 0 to 1000 (default: ${DEFAULT-VALUE}).")
  int epochsDistill;

  @Option(
      names = "--noise",
      paramLabel = "N",
      defaultValue = "60000",
      description =
          "Uniform(-1, 1) noise images the students train on, 1 to 600000 (default: ${DEFAULT-VALUE}).")
  int noise;

  @Option(
      names = "--lr",
      paramLabel = "X",
      defaultValue = "3e-4",
      description = "Adam learning rate, above 0 and at most 10 (default: ${DEFAULT-VALUE}).")
  double lr;

  @Option(
      names = "--batch",
      paramLabel = "B",
      defaultValue = "1024",
      description = "Minibatch size, 1 to 65536 (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description =
          "Folder of IDX files (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-...):"
              + " full MNIST, Fashion-MNIST, KMNIST. Default: the embedded 10k MNIST digits (8,000 train / 2,000 test).")
  Path data;

  @Option(
      names = "--controls",
      description =
          "Also train the positive controls same-init-all-logits and cross-init-all-logits (KL over all logits; doubles the run time).")
  boolean controls;

  @Option(
      names = "--sweep",
      paramLabel = "KIND",
      description =
          "perturb: student init = teacher init + sigma x a fresh init, for each of --sigmas.")
  Sweep sweep;

  @Option(
      names = "--sigmas",
      paramLabel = "SIGMA",
      split = ",",
      description =
          "Sigmas of the perturb sweep, each 0 to 100, at most 50 (default: 0,0.1,0.3,1,3).")
  List<Double> sigmas;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed of every random draw (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description =
          "Worker threads, 1 to 256 (default: the number of cores). Results do not depend on it.")
  Integer threads;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table | json (default: ${DEFAULT-VALUE}). JSON goes to stdout.")
  OutputFormat format;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar.")
  boolean quiet;

  @Option(
      names = "--weights",
      description =
          "Also run the weight test (heredity weights compare, alpha 0.01) between each teacher and each of its"
              + " students: how often it finds the shared init, per arm and sweep sigma, next to transfer accuracy.")
  boolean weights;

  @Override
  public Integer call() {
    TransferConfig config = config();
    ProxyWeightStudy study =
        weights ? new ProxyWeightStudy(WeightsOptions.defaults().withAlpha(0.01)) : null;
    TransferTest.Outcome outcome =
        TransferTest.runWithEvidence(
            config,
            TerminalProgress.forStderr(quiet)::update,
            Kernels.best(),
            study == null ? ModelSink.NONE : study);
    PrintWriter out = spec.commandLine().getOut();
    ProxyWeightsTable.Section section =
        study == null ? null : ProxyWeightsTable.section(study, outcome.result());
    if (format == OutputFormat.json) {
      out.println(
          section == null
              ? outcome.result().toJson()
              : withWeights(outcome.result().toJson(), section));
    } else {
      out.print(table(outcome.result(), outcome.evidence()));
      if (section != null) {
        out.print(ProxyWeightsTable.table(section));
      }
    }
    out.flush();
    return ExitCodes.CLEAN;
  }

  /** The transfer JSON with a "weights" member appended. */
  private static String withWeights(String transferJson, ProxyWeightsTable.Section section) {
    try {
      ObjectMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
      ObjectNode root = (ObjectNode) mapper.readTree(transferJson);
      root.set("weights", mapper.valueToTree(section));
      return mapper.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  TransferConfig config() {
    if (sigmas != null && sweep == null) {
      throw new UsageException("--sigmas needs --sweep perturb");
    }
    List<Double> sweepSigmas =
        sweep == null ? List.of() : sigmas == null ? TransferConfig.DEFAULT_SIGMAS : sigmas;
    int workers =
        threads == null ? Math.min(Runtime.getRuntime().availableProcessors(), 256) : threads;
    checkRanges(sweepSigmas, workers);
    try {
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
          sweepSigmas,
          seed,
          workers,
          controls);
    } catch (InvalidTransferConfigException e) {
      throw new UsageException(worded(e));
    }
  }

  /**
   * Bounds every size before anything is allocated: an overflowing product is a usage error, not a
   * crash.
   */
  private void checkRanges(List<Double> sweepSigmas, int workers) {
    OptionRange.MODELS.check(models);
    OptionRange.AUX.check(aux);
    OptionRange.HIDDEN.check(hidden);
    OptionRange.EPOCHS_TEACHER.check(epochsTeacher);
    OptionRange.EPOCHS_DISTILL.check(epochsDistill);
    OptionRange.NOISE.check(noise);
    OptionRange.LR.check(lr);
    OptionRange.BATCH.check(batch);
    OptionRange.THREADS.check(workers);
    if (sweepSigmas.size() > OptionRange.MAX_SIGMAS) {
      throw new UsageException(
          "--sigmas takes at most "
              + OptionRange.MAX_SIGMAS
              + " values, got "
              + sweepSigmas.size());
    }
    for (Double sigma : sweepSigmas) {
      OptionRange.SIGMA.check(sigma == null ? Double.NaN : sigma);
    }
  }

  /** The library names a config component; the user typed an option. */
  static String worded(InvalidTransferConfigException e) {
    String option = "--" + e.field().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    String why = e.field().equals("models") ? " (cross-init uses another model's init)" : "";
    return option + " " + e.constraint().wording() + why + ", got " + e.formattedValue();
  }

  static String table(TransferResult result, VerdictTest.Evidence evidence) {
    TransferConfig c = result.config();
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "MNIST-proxy transfer test: %d models, hidden %d, %d auxiliary logits, %s, %d noise images%n",
            c.models(),
            c.hidden(),
            c.aux(),
            c.data() == null ? "embedded MNIST 10k" : c.data(),
            c.noise()));
    sb.append(
        String.format(
            Locale.ROOT, "%n%-24s %9s  %6s   %s%n", "arm", "accuracy", "95% CI", "per model (%)"));
    for (Map.Entry<String, ArmResult> e : result.arms().entrySet()) {
      sb.append(row(e.getKey(), e.getValue().accuracy()));
    }
    if (!result.sweep().isEmpty()) {
      sb.append(
          String.format(
              Locale.ROOT, "%nperturb sweep (student init = teacher init + sigma x fresh init)%n"));
      for (SweepPoint p : result.sweep()) {
        sb.append(row(String.format(Locale.ROOT, "sigma %s", trim(p.sigma())), p.accuracy()));
      }
    }
    String p =
        evidence.pValue() < 1e-300
            ? "p < 1e-300"
            : String.format(Locale.ROOT, "p = %.2g", evidence.pValue());
    sb.append(
        String.format(
            Locale.ROOT,
            "%nverdict: %s (same-init minus cross-init = %+.1f points, %s, %s)%n",
            result.verdict(),
            evidence.difference() * 100,
            p,
            evidence.method()));
    sb.append(String.format(Locale.ROOT, "time: %.1f s%n", result.seconds()));
    return sb.toString();
  }

  private static String row(String label, Accuracy a) {
    List<String> per = new ArrayList<>();
    for (double v : a.perModel().subList(0, Math.min(8, a.perModel().size()))) {
      per.add(String.format(Locale.ROOT, "%.1f", v * 100));
    }
    String more = a.perModel().size() > 8 ? " ..." : "";
    return String.format(
        Locale.ROOT,
        "%-24s %8.1f%%  \u00b1%5.1f   %s%s%n",
        label,
        a.mean() * 100,
        a.ci95() * 100,
        String.join(" ", per),
        more);
  }

  private static String trim(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
