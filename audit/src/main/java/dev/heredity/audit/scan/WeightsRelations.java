package dev.heredity.audit.scan;

import dev.heredity.audit.report.WeightsEvidence;
import dev.heredity.audit.report.WeightsLayerRow;
import dev.heredity.audit.report.WeightsOutcome;
import dev.heredity.audit.report.WeightsRelation;
import dev.heredity.audit.weights.WeightsWording;
import dev.heredity.lineage.RiskPair;
import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.WeightsNote;
import dev.heredity.weights.WeightsResult;
import java.util.ArrayList;
import java.util.List;

/** The weights check as the report shows it, and the words for its outcomes. */
public final class WeightsRelations {
  private WeightsRelations() {}

  /**
   * Every pair with local weights, in the report's pair order; null when no pair has any (nothing
   * was tested, so the reports keep their sections as without the check).
   */
  static WeightsEvidence evidence(WeightsCheck.Report report, double alpha, DisplayPaths paths) {
    if (report.checks().isEmpty()) {
      return null;
    }
    List<WeightsCheck.PairCheck> checks = new ArrayList<>(report.checks());
    checks.sort((a, b) -> ScanService.PAIR_ORDER.compare(a.pair(), b.pair()));
    List<WeightsRelation> relations = new ArrayList<>();
    for (WeightsCheck.PairCheck c : checks) {
      RiskPair pair = c.pair();
      WeightsResult r = c.result();
      relations.add(
          new WeightsRelation(
              pair.teacher(),
              pair.student(),
              pair.training(),
              declared(pair),
              outcome(c),
              r == null ? null : r.verdict().id(),
              r == null ? null : r.pValue(),
              r == null ? null : WeightsWording.method(r.method()),
              c.teacherWeights() == null ? null : paths.show(c.teacherWeights()),
              c.studentWeights() == null ? null : paths.show(c.studentWeights()),
              detail(c, paths),
              paths.location(
                  c.notChecked() != null && c.notChecked().location() != null
                      ? c.notChecked().location()
                      : pair.location()),
              r == null ? List.of() : r.layers().stream().map(WeightsRelations::layer).toList()));
    }
    return new WeightsEvidence(alpha, relations, report.withoutWeights().size(), report.seconds());
  }

  static WeightsOutcome outcome(WeightsCheck.PairCheck c) {
    if (c.contradicts()) {
      return WeightsOutcome.CONTRADICTED;
    }
    return c.couldNotCheck() ? WeightsOutcome.UNCHECKED : WeightsOutcome.CONFIRMED;
  }

  private static WeightsLayerRow layer(LayerEvidence l) {
    return new WeightsLayerRow(
        l.name(), l.units(), finite(l.statistic()), l.pValue(), finite(l.matchedCosine()));
  }

  private static Double finite(double x) {
    return Double.isFinite(x) ? x : null;
  }

  /** The relation the manifest declares between the pair, in words. */
  public static String declared(RiskPair pair) {
    return pair.sharedBase()
        ? "shared base (" + String.join(", ", pair.sharedRoots()) + ")"
        : "no shared base";
  }

  /** Why the check came out as it did, in one sentence. */
  public static String detail(WeightsCheck.PairCheck c, DisplayPaths paths) {
    return switch (c.outcome()) {
      case CONFIRMED ->
          c.pair().sharedBase()
              ? "The weights share an initialisation, as declared"
              : "The weights show independent initialisations, as declared";
      case UNDECLARED_SHARED_INIT ->
          "The weights share an initialisation that the manifest does not declare";
      case DECLARED_SHARED_BASE_NOT_IN_WEIGHTS ->
          "The declared shared base is not in the weights (they test independent)";
      case INCONCLUSIVE -> inconclusive(c.result());
      case NOT_CHECKED -> notChecked(c.notChecked(), paths);
    };
  }

  private static String inconclusive(WeightsResult r) {
    List<String> why =
        r.notes().stream()
            .filter(n -> n.code() != WeightsNote.Code.LAYERS_MATCHED)
            .map(WeightsWording::note)
            .toList();
    return "The weights could not decide: "
        + (why.isEmpty() ? "no layer could be compared" : String.join("; ", why));
  }

  private static String notChecked(WeightsCheck.NotChecked n, DisplayPaths paths) {
    if (n.problem() == WeightsCheck.Problem.NO_LOCAL_WEIGHTS) {
      return "Model " + n.model() + " has no local weights (the other model of the pair has)";
    }
    String named = "The " + n.source().label + " of " + n.model();
    String path = n.path() == null ? "" : " (" + paths.show(n.path()) + ")";
    return switch (n.problem()) {
      case MISSING -> named + path + " does not exist";
      case UNREADABLE -> named + path + " cannot be read";
      case NO_WEIGHT_FILES ->
          named + path + " holds no safetensors, model.safetensors.index.json or GGUF file";
      case INVALID_PATH -> named + " is not a valid path on this system";
      case NO_LOCAL_WEIGHTS -> throw new IllegalStateException("handled above");
    };
  }
}
