package dev.heredity.weights;

import java.util.List;

/**
 * The test of one layer.
 *
 * @param statistic Spearman's rho of the matching (matched-rank test) or the mean same-unit cosine
 *     (first tier)
 * @param pValue one-sided, under independent initialisations
 * @param matchedCosine mean cosine similarity of matched units (first view, of the sketched vectors
 *     when the view was sketched; same-index units in the first tier)
 * @param tensors the weight tensors the units were read from
 * @param timing where the time went (not part of any serialised output)
 */
public record LayerEvidence(
    String name,
    double statistic,
    double pValue,
    int units,
    double matchedCosine,
    List<String> tensors,
    LayerTiming timing) {
  public LayerEvidence {
    tensors = List.copyOf(tensors);
  }

  /** Seconds spent reading and normalising weights, in the cosine GEMM, and in the assignment. */
  public record LayerTiming(double io, double gemm, double assignment) {
    public static final LayerTiming NONE = new LayerTiming(0, 0, 0);
  }
}
