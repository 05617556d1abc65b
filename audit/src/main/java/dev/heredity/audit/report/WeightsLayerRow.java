package dev.heredity.audit.report;

/**
 * One matched MLP layer of a weights comparison.
 *
 * @param statistic Spearman's rho of the matching, or the mean same-unit cosine (first tier); null
 *     when not a number
 * @param pValue one-sided, under independent initialisations (floored at 1e-300)
 * @param matchedCosine mean cosine of matched units; null when not a number
 */
public record WeightsLayerRow(
    String name, int units, Double statistic, double pValue, Double matchedCosine) {}
