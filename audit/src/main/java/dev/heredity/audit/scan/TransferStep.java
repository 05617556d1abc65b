package dev.heredity.audit.scan;

import dev.heredity.audit.report.ArmRow;
import dev.heredity.audit.report.ProxyWeights;
import dev.heredity.audit.report.SweepRow;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.audit.report.TransferSource;
import dev.heredity.audit.weights.ProxyWeightsTable;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.transfer.ModelSink;
import dev.heredity.transfer.TransferConfig;
import dev.heredity.transfer.TransferResult;
import dev.heredity.transfer.TransferTest;
import dev.heredity.transfer.engine.Kernels;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.proxy.ProxyWeightStudy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Transfer evidence from the MNIST-proxy test: run now, or read from a previous JSON result.
 * Accuracies are shown in percent, like the reference figures. Run time is left out so reports stay
 * byte-identical.
 */
class TransferStep {
  /** Arms in the order reports show them. */
  static final List<String> ARM_ORDER =
      List.of(
          "teacher",
          "reference",
          "same-init",
          "cross-init",
          "same-init-all-logits",
          "cross-init-all-logits");

  /**
   * Runs the published configuration ({@link TransferConfig#defaults()}) with {@code models} models
   * and this seed.
   */
  TransferEvidence run(int models, long seed, ProgressListener progress) {
    return run(models, seed, false, progress);
  }

  /**
   * Runs the test; with {@code weights}, also the weight test between each teacher and each of its
   * students ({@code transfer-test --weights}).
   */
  TransferEvidence run(int models, long seed, boolean weights, ProgressListener progress) {
    TransferConfig d = TransferConfig.defaults().withModels(models);
    TransferConfig config =
        new TransferConfig(
            d.models(),
            d.aux(),
            d.hidden(),
            d.epochsTeacher(),
            d.epochsDistill(),
            d.noise(),
            d.lr(),
            d.batch(),
            d.data(),
            d.sigmas(),
            seed,
            d.threads(),
            d.controls());
    return run(config, weights, progress);
  }

  /** Runs {@code config}; with {@code weights}, also the weight test (see above). */
  TransferEvidence run(TransferConfig config, boolean weights, ProgressListener progress) {
    ProxyWeightStudy study =
        weights ? new ProxyWeightStudy(WeightsOptions.defaults().withAlpha(0.01)) : null;
    TransferResult result =
        TransferTest.runWithEvidence(
                config, progress::update, Kernels.best(), study == null ? ModelSink.NONE : study)
            .result();
    TransferEvidence evidence =
        evidence(
            TransferSource.RUN,
            true,
            String.format(
                java.util.Locale.ROOT,
                "Run here: published MNIST-proxy protocol, %d models per arm, %,d noise images, seed %d;"
                    + " test accuracy in percent with 95%% CI across models.",
                config.models(),
                config.noise(),
                config.seed()),
            result);
    return study == null
        ? evidence
        : withWeights(
            evidence,
            ProxyWeightRows.of(
                ProxyWeightsTable.section(study, result),
                "Run here with the transfer test: teacher vs each of its students, full matching"
                    + " test on fc1 and fc2."));
  }

  private static TransferEvidence withWeights(TransferEvidence e, ProxyWeights weights) {
    return new TransferEvidence(
        e.source(), e.runHere(), e.citation(), e.verdict(), e.arms(), e.sweep(), weights);
  }

  TransferEvidence read(Path file, String shown) {
    TransferResult result = TransferResult.readJson(file);
    TransferEvidence evidence =
        evidence(
            TransferSource.FILE,
            false,
            "Read from "
                + shown
                + " ("
                + models(result)
                + " models per arm); test accuracy in percent with 95% CI across models.",
            result);
    ProxyWeights weights = ProxyWeightRows.read(file, shown);
    return weights == null ? evidence : withWeights(evidence, weights);
  }

  private static int models(TransferResult result) {
    return result.arms().values().stream()
        .mapToInt(a -> a.accuracy().perModel().size())
        .max()
        .orElse(0);
  }

  static TransferEvidence evidence(
      TransferSource source, boolean runHere, String citation, TransferResult result) {
    List<ArmRow> arms = new ArrayList<>();
    List<String> names = new ArrayList<>(ARM_ORDER);
    result.arms().keySet().stream()
        .filter(k -> !ARM_ORDER.contains(k))
        .sorted()
        .forEach(names::add);
    for (String name : names) {
      var arm = result.arms().get(name);
      if (arm != null) {
        var a = arm.accuracy();
        int models = a.perModel().size();
        boolean fewModels = models < ArmRow.MIN_MODELS_FOR_CI;
        arms.add(
            new ArmRow(
                name,
                percent(a.mean()),
                fewModels ? null : ci(a.ci95()),
                models,
                fewModels ? a.perModel().stream().map(TransferStep::percent).toList() : List.of()));
      }
    }
    List<SweepRow> sweep = new ArrayList<>();
    if (result.sweep() != null) {
      for (var point : result.sweep()) {
        var a = point.accuracy();
        sweep.add(
            new SweepRow(
                point.sigma(),
                percent(a.mean()),
                a.perModel().size() < ArmRow.MIN_MODELS_FOR_CI ? null : ci(a.ci95())));
      }
    }
    return new TransferEvidence(source, runHere, citation, result.verdict(), arms, sweep);
  }

  /** A CI half-width in percent; a non-finite one is unknown (null), never shown as 0. */
  private static Double ci(double fraction) {
    return Double.isFinite(fraction) ? percent(fraction) : null;
  }

  /** Accuracy as a fraction (0..1) in the result, percent in the report. */
  private static double percent(double fraction) {
    return Math.round(fraction * 1000.0) / 10.0;
  }
}
