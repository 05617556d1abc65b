package dev.heredity.audit.scan;

import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.SourceLocation;
import dev.heredity.lineage.manifest.ModelSpec;
import dev.heredity.weights.Checkpoint;
import dev.heredity.weights.Verdict;
import dev.heredity.weights.WeightsComparison;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks each teacher/student pair's declared relation against the models' weights, when they point
 * at local weights, in this order of precedence: {@code checkpoint.path} (relative to the
 * manifest's folder), a {@code checkpoint.uri} of the form {@code file:PATH}, or a discovered
 * folder {@code weights/<model id>/} next to the manifest holding safetensors. A declared shared
 * base whose weights test independent, and a declared cross-base pair whose weights test
 * shared-init, are contradictions. Declared weights that are absent or unreadable, and a pair of
 * which only one model has local weights, are {@link Outcome#NOT_CHECKED} with the reason: never a
 * silent pass. Malformed weight files raise {@code InvalidWeightsException}.
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
    INCONCLUSIVE,
    /** The weights could not be read or are missing for one of the two models. */
    NOT_CHECKED
  }

  /** Where a model's local weights were named. */
  public enum Source {
    CHECKPOINT_PATH("checkpoint.path"),
    FILE_URI("checkpoint.uri"),
    WEIGHTS_FOLDER("weights/<model id>/ folder");

    public final String label;

    Source(String label) {
      this.label = label;
    }
  }

  /** Why declared weights could not be used. */
  public enum Problem {
    /** The declared path does not exist. */
    MISSING,
    /** The path exists but cannot be read. */
    UNREADABLE,
    /** A folder without safetensors, a sharded index or GGUF. */
    NO_WEIGHT_FILES,
    /** The path cannot be a path on this system. */
    INVALID_PATH,
    /** The other model of the pair has local weights, this one has none. */
    NO_LOCAL_WEIGHTS
  }

  /** A model's local weights as the manifest (or the folder convention) names them. */
  public record LocalWeights(String model, Path path, Source source, SourceLocation location) {}

  /**
   * Why a pair was not checked: which model, what is wrong, where it was declared ({@code source}
   * and {@code path} are null for {@link Problem#NO_LOCAL_WEIGHTS}: the location is the model's).
   */
  public record NotChecked(
      String model, Problem problem, Path path, Source source, SourceLocation location) {}

  /**
   * One pair of which at least one model has local weights: compared ({@code result} non-null), or
   * not checked ({@code notChecked} non-null).
   */
  public record PairCheck(
      RiskPair pair,
      Path teacherWeights,
      Path studentWeights,
      WeightsResult result,
      Outcome outcome,
      NotChecked notChecked) {
    public PairCheck(
        RiskPair pair,
        Path teacherWeights,
        Path studentWeights,
        WeightsResult result,
        Outcome outcome) {
      this(pair, teacherWeights, studentWeights, result, outcome, null);
    }

    public boolean contradicts() {
      return outcome == Outcome.DECLARED_SHARED_BASE_NOT_IN_WEIGHTS
          || outcome == Outcome.UNDECLARED_SHARED_INIT;
    }

    /** Not compared, or compared without a decision. */
    public boolean couldNotCheck() {
      return outcome == Outcome.NOT_CHECKED || outcome == Outcome.INCONCLUSIVE;
    }
  }

  /**
   * Every pair with local weights (checked or not), the pairs of which neither model has any, and
   * the time taken.
   */
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

    public List<PairCheck> couldNotCheck() {
      return checks.stream().filter(PairCheck::couldNotCheck).toList();
    }
  }

  private WeightsCheck() {}

  public static Report check(LineageAnalysis analysis, WeightsOptions options) {
    long start = System.nanoTime();
    Path folder = analysis.manifest().folder();
    List<PairCheck> checks = new ArrayList<>();
    List<RiskPair> skipped = new ArrayList<>();
    for (RiskPair pair : analysis.pairs()) {
      Optional<LocalWeights> teacher = localWeights(analysis, pair.teacher(), folder);
      Optional<LocalWeights> student = localWeights(analysis, pair.student(), folder);
      if (teacher.isEmpty() && student.isEmpty()) {
        skipped.add(pair);
        continue;
      }
      Path teacherPath = teacher.map(LocalWeights::path).orElse(null);
      Path studentPath = student.map(LocalWeights::path).orElse(null);
      Optional<NotChecked> problem =
          problem(analysis, pair.teacher(), teacher)
              .or(() -> problem(analysis, pair.student(), student));
      if (problem.isPresent()) {
        checks.add(
            new PairCheck(
                pair, teacherPath, studentPath, null, Outcome.NOT_CHECKED, problem.get()));
        continue;
      }
      WeightsResult result = WeightsComparison.compare(teacherPath, studentPath, options);
      checks.add(
          new PairCheck(
              pair,
              teacherPath,
              studentPath,
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

  /** What keeps {@code model}'s weights from being compared, if anything. */
  private static Optional<NotChecked> problem(
      LineageAnalysis analysis, String model, Optional<LocalWeights> own) {
    if (own.isEmpty()) {
      SourceLocation at = modelSpec(analysis, model).map(ModelSpec::location).orElse(null);
      return Optional.of(new NotChecked(model, Problem.NO_LOCAL_WEIGHTS, null, null, at));
    }
    LocalWeights w = own.get();
    if (w.path() == null) {
      return Optional.of(
          new NotChecked(model, Problem.INVALID_PATH, null, w.source(), w.location()));
    }
    Problem problem = null;
    if (!Files.exists(w.path())) {
      problem = Problem.MISSING;
    } else if (!Files.isReadable(w.path())
        || !(Files.isRegularFile(w.path()) || Files.isDirectory(w.path()))) {
      // A FIFO, device or socket is never opened: a FIFO would be waited on forever.
      problem = Problem.UNREADABLE;
    } else if (Files.isDirectory(w.path()) && !Checkpoint.looksLikeWeights(w.path())) {
      problem = Problem.NO_WEIGHT_FILES;
    }
    return problem == null
        ? Optional.empty()
        : Optional.of(new NotChecked(model, problem, w.path(), w.source(), w.location()));
  }

  private static Optional<ModelSpec> modelSpec(LineageAnalysis analysis, String modelId) {
    return analysis.manifest().models().stream().filter(m -> m.id().equals(modelId)).findFirst();
  }

  /**
   * The model's local weights: its {@code checkpoint.path}, its {@code file:} checkpoint URI, or
   * {@code weights/<id>/} beside the manifest when that folder holds weights. A declared path is
   * returned whether or not it exists (the caller reports it); a {@code file:} URI that is not a
   * path on this system has a null path.
   */
  static Optional<LocalWeights> localWeights(
      LineageAnalysis analysis, String modelId, Path folder) {
    Optional<ModelSpec> model = modelSpec(analysis, modelId);
    var checkpoint = model.map(ModelSpec::checkpoint).orElse(null);
    if (checkpoint != null && checkpoint.path() != null) {
      return Optional.of(
          new LocalWeights(
              modelId,
              checkpoint.resolvedPath(),
              Source.CHECKPOINT_PATH,
              checkpoint.pathLocation()));
    }
    if (checkpoint != null && checkpoint.uri() != null && checkpoint.uri().startsWith("file:")) {
      String path = checkpoint.uri().substring("file:".length());
      if (path.startsWith("//")) {
        path = path.substring(2);
      }
      Path resolved;
      try {
        resolved = folder.resolve(path).normalize();
      } catch (InvalidPathException e) {
        resolved = null;
      }
      return Optional.of(
          new LocalWeights(modelId, resolved, Source.FILE_URI, checkpoint.location()));
    }
    Path discovered = folder.resolve("weights").resolve(modelId);
    return Checkpoint.looksLikeWeights(discovered)
        ? Optional.of(
            new LocalWeights(
                modelId,
                discovered,
                Source.WEIGHTS_FOLDER,
                model.map(ModelSpec::location).orElse(null)))
        : Optional.empty();
  }
}
