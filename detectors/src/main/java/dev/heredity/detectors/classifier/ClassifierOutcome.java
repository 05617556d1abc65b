package dev.heredity.detectors.classifier;

/**
 * What the cross-fitted classifier test found.
 *
 * @param auc pooled out-of-fold AUC of suspect vs reference records
 * @param aucLow lower end of its approximate 95% interval
 * @param aucHigh upper end
 * @param bag8 AUC of means of 8 out-of-fold scores per bag (NaN-free: 0.5 with fewer than 2 bags a
 *     side)
 * @param bag8Low interval of the bag-8 AUC
 * @param bag8High interval of the bag-8 AUC
 * @param bag16 the same for bags of 16
 * @param bag16Low interval of the bag-16 AUC
 * @param bag16High interval of the bag-16 AUC
 * @param pValue permutation p-value of the AUC (labels permuted, every fold refitted)
 * @param refits label permutations run (each one a full cross-fit)
 * @param maxRefits permutations allowed (sized to the level the verdict needs)
 * @param nullSd standard deviation of the AUC over the permutations
 * @param suspect suspect records used
 * @param reference reference records used
 */
public record ClassifierOutcome(
    double auc,
    double aucLow,
    double aucHigh,
    double bag8,
    double bag8Low,
    double bag8High,
    double bag16,
    double bag16Low,
    double bag16High,
    double pValue,
    int refits,
    int maxRefits,
    double nullSd,
    int suspect,
    int reference,
    java.util.List<String> suspectLeaning,
    java.util.List<String> referenceLeaning) {}
