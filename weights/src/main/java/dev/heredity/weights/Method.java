package dev.heredity.weights;

/** Which statistic produced the verdict. */
public enum Method {
  /**
   * Zhu et al. (ICML 2025): per layer, match units by the cosine similarity of their weight vectors
   * (linear assignment), Spearman rank test of the matching (two views against each other, or one
   * view against the stored order), Fisher's method over layers.
   */
  MATCHED_RANK_TEST("matched-rank-test"),
  /**
   * Cheap first tier: the summed cosine of same-index units against its permutation distribution
   * (Chatterjee's concentration bound, a valid upper bound on the p-value), Fisher over layers.
   */
  SAME_UNIT_COSINE("same-unit-cosine"),
  /** No layer could be compared. */
  NONE("none");

  private final String id;

  Method(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
