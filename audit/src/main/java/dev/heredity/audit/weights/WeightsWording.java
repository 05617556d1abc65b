package dev.heredity.audit.weights;

import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.Method;
import dev.heredity.weights.WeightsNote;
import dev.heredity.weights.WeightsResult;
import java.util.Locale;

/**
 * Words the weights library's codes for people: notes, the method, p-values. Shared by the CLI and
 * the scan.
 */
public final class WeightsWording {
  private WeightsWording() {}

  public static String note(WeightsNote n) {
    return switch (n.code()) {
      case LAYERS_MATCHED ->
          "matched " + n.detail() + " " + n.subject() + " MLP layer(s) by name and shape";
      case SHAPE_MISMATCH -> n.subject() + ": shapes differ (" + n.detail() + "), not compared";
      case ONLY_IN_ONE_MODEL ->
          n.detail() + " MLP tensor(s) only in " + n.subject() + ", not compared";
      case NO_KNOWN_LAYERS ->
          "no MLP layer under a known naming (Llama/Qwen/Mistral model.layers.N.mlp.*, GPT-2 h.N.mlp.*,"
              + " MNIST proxy fc1/fc2) in both models ("
              + n.detail()
              + " tensors): nothing to compare";
      case UNSUPPORTED_FORMAT ->
          n.subject() + ": " + n.detail() + " checkpoints (quantized tensors) are not compared yet";
      case SINGLE_VIEW ->
          n.subject()
              + ": one weight view ("
              + n.detail()
              + "), tested against the stored unit order;"
              + " a permutation of its hidden units could hide a shared init";
      case SHORTCUT_CONFIRMED ->
          "the first tier (same-unit cosine, permutation bound) confirmed a shared init;"
              + " the matching test was not needed";
      case TOO_FEW_UNITS ->
          n.subject() + ": " + n.detail() + " hidden units, too few for a rank test";
      case SKETCHED ->
          "unit vectors projected by a fixed seeded CountSketch ("
              + n.detail()
              + " features, the same for both models) before the cosine matrix";
      case NON_FINITE ->
          n.subject()
              + ": NaN or infinite weights (units affected in A/B: "
              + n.detail()
              + "), not compared";
    };
  }

  public static String method(Method m) {
    return switch (m) {
      case MATCHED_RANK_TEST ->
          "Zhu et al. 2025 independence test: cosine similarity of hidden units' weight vectors,"
              + " linear assignment, one-sided Spearman test of the matching, Fisher's method over layers";
      case SAME_UNIT_COSINE ->
          "first tier: summed cosine of same-index hidden units against its permutation"
              + " distribution (Chatterjee's bound), Fisher's method over layers";
      case NONE -> "none: no layer could be compared";
    };
  }

  public static String p(double p) {
    return p <= 1e-300 ? "< 1e-300" : String.format(Locale.ROOT, "%.3g", p);
  }

  /** One line: verdict, p-value, alpha and the number of layers. */
  public static String summary(WeightsResult r) {
    return String.format(
        Locale.ROOT,
        "%s (p = %s, alpha %s, %d layer(s))",
        r.verdict().id(),
        p(r.pValue()),
        trim(r.alpha()),
        r.layers().size());
  }

  public static String layerRow(LayerEvidence l) {
    return String.format(
        Locale.ROOT, "%-34s %6d  %9.4f  %9s", l.name(), l.units(), l.statistic(), p(l.pValue()));
  }

  private static String trim(double x) {
    return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
  }
}
