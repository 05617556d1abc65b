package dev.heredity.audit.scan;

import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.weights.Checkpoint;
import dev.heredity.weights.Verdict;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks each teacher/student pair's declared relation against the models' weights, when both point
 * at local weights: a {@code checkpoint.uri} of the form {@code file:PATH} (relative to the
 * manifest's folder), or a discovered folder {@code weights/<model id>/} next to the manifest
 * holding safetensors. A declared shared base whose weights test independent, and a declared
 * cross-base pair whose weights test shared-init, are contradictions. Unreadable weights raise
 * {@code InvalidWeightsException}.
 */
public final class WeightsCheck {
  /** How the weights relate to what the manifest declares. */
  public enum Outcome {
    /** The weights agree with the declared relation. */
    CONFIRMED,
    /** Declared shared base, but the weights show independent initialisations. */
    DECLARED_SHARED_BASE_NOT_IN_WEIGHTS,
    /**
     * Declared without a shared base (cross-base, or distilled from a new init), but the weights
     * share an init.
     */
    UNDECLARED_SHARED_INIT,
    /** The weights cannot decide (format, shapes, naming). */
    INCONCLUSIVE
  }

  /** One pair whose two models both have local weights. */
  public record PairCheck(
      RiskPair pair,
      Path teacherWeights,
      Path studentWeights,
      WeightsResult result,
      Outcome outcome) {
    public boolean contradicts() {
      return outcome == Outcome.DECLARED_SHARED_BASE_NOT_IN_WEIGHTS
          || outcome == Outcome.UNDECLARED_SHARED_INIT;
    }
  }

  /** Every checked pair, the pairs skipped for lack of local weights, and the time taken. */
  public record Report(List<PairCheck> checks, List<RiskPair> withoutWeights, double seconds) {
    /** No check was run. */
    public static final Report NONE = new Report(List.of(), List.of(), 0);

    public Report {
      checks = List.copyOf(checks);
      withoutWeights = List.copyOf(withoutWeights);
    }

    public List<PairCheck> contradictions() {
      return checks.stream().filter(PairCheck::contradicts).toList();
    }
  }

  private WeightsCheck() {}

  public static Report check(LineageAnalysis analysis, WeightsOptions options) {
    long start = System.nanoTime();
    Path folder = analysis.manifest().folder();
    List<PairCheck> checks = new ArrayList<>();
    List<RiskPair> skipped = new ArrayList<>();
    for (RiskPair pair : analysis.pairs()) {
      Optional<Path> teacher = localWeights(analysis, pair.teacher(), folder);
      Optional<Path> student = localWeights(analysis, pair.student(), folder);
      if (teacher.isEmpty() || student.isEmpty()) {
        skipped.add(pair);
        continue;
      }
      WeightsResult result = WeightsComparison.compare(teacher.get(), student.get(), options);
      checks.add(
          new PairCheck(
              pair,
              teacher.get(),
              student.get(),
              result,
              outcome(pair.sharedBase(), result.verdict())));
    }
    return new Report(checks, skipped, (System.nanoTime() - start) / 1e9);
  }

  static Outcome outcome(boolean declaredSharedBase, Verdict verdict) {
    return switch (verdict) {
      case INCONCLUSIVE -> Outcome.INCONCLUSIVE;
      case SHARED_INIT -> declaredSharedBase ? Outcome.CONFIRMED : Outcome.UNDECLARED_SHARED_INIT;
      case INDEPENDENT ->
          declaredSharedBase ? Outcome.DECLARED_SHARED_BASE_NOT_IN_WEIGHTS : Outcome.CONFIRMED;
    };
  }

  /**
   * The model's local weights: its {@code file:} checkpoint URI, or {@code weights/<id>/} beside
   * the manifest.
   */
  static Optional<Path> localWeights(LineageAnalysis analysis, String modelId, Path folder) {
    Optional<ModelSpec> model =
        analysis.manifest().models().stream().filter(m -> m.id().equals(modelId)).findFirst();
    if (model.isPresent()
        && model.get().checkpoint() != null
        && model.get().checkpoint().uri() != null) {
      String uri = model.get().checkpoint().uri();
      if (uri.startsWith("file:")) {
        String path = uri.substring("file:".length());
        if (path.startsWith("//")) {
          path = path.substring(2);
        }
        return Optional.of(folder.resolve(path).normalize());
      }
    }
    Path discovered = folder.resolve("weights").resolve(modelId);
    return Checkpoint.looksLikeWeights(discovered) ? Optional.of(discovered) : Optional.empty();
  }
}
