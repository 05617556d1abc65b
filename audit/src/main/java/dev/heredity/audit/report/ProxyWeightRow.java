package dev.heredity.audit.report;

/**
 * One student arm (or sweep sigma) of the weight test on the MNIST proxy: how often the test found
 * the teacher's initialisation in its students, next to the arm's transfer accuracy. Percentages
 * like the transfer section's; a value that is not a number is null.
 *
 * @param arm "same-init", "cross-init", or "sigma 0.3" for a sweep point
 * @param sigma the sweep's initialisation noise, null for an arm
 * @param sharedInit teacher/student pairs the test called shared-init
 * @param pairs teacher/student pairs tested
 * @param rate sharedInit / pairs, in percent
 * @param ciLow lower end of the exact (Clopper-Pearson) 95% interval of the rate, in percent
 * @param ciHigh upper end of that interval, in percent
 * @param medianP median p-value over the pairs (floored at 1e-300)
 * @param minP smallest p-value
 * @param maxP largest p-value
 * @param meanStatistic mean Spearman rho of the matching
 * @param matchedCosine mean cosine of matched hidden units
 * @param accuracy the arm's mean transfer accuracy, in percent
 */
public record ProxyWeightRow(
    String arm,
    Double sigma,
    int sharedInit,
    int pairs,
    double rate,
    Double ciLow,
    Double ciHigh,
    Double medianP,
    Double minP,
    Double maxP,
    Double meanStatistic,
    Double matchedCosine,
    Double accuracy) {}
