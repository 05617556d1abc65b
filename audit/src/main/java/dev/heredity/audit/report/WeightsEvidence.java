package dev.heredity.audit.report;

import java.util.List;

/**
 * The scan's weights check: every declared teacher/student relation it could test against local
 * weights (confirmed, contradicted, or could not check), in pair order.
 *
 * @param alpha the test's significance level
 * @param pairsWithoutWeights pairs of which neither model points at local weights (not tested)
 * @param seconds how long the check took; kept only in stamped reports ({@code scan --stamp}),
 *     since it differs between runs; null otherwise
 */
public record WeightsEvidence(
    double alpha, List<WeightsRelation> relations, int pairsWithoutWeights, Double seconds) {
  public WeightsEvidence {
    relations = Lists.copy(relations);
  }

  /** Relations with this outcome. */
  public long count(WeightsOutcome outcome) {
    return relations.stream().filter(r -> r.outcome() == outcome).count();
  }

  /** The same evidence without its run time, for reports that must stay byte-identical. */
  public WeightsEvidence withoutSeconds() {
    return new WeightsEvidence(alpha, relations, pairsWithoutWeights, null);
  }
}
