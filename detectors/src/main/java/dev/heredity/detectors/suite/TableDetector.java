package dev.heredity.detectors.suite;

import dev.heredity.detectors.features.Corpus;
import dev.heredity.detectors.tables.TableSpec;

/**
 * A detector whose statistic is the sum over its blocks of the G statistic of a 2 x K table
 * (suspect vs reference counts of each feature), with rare features pooled per block, effect size
 * the Jensen-Shannon divergence, and p-value from permuting the set labels of whole records ({@link
 * PermutationRunner}).
 */
public interface TableDetector extends Detector {
  /** The blocks, the per-record features and their names for this corpus. */
  TableSpec table(Corpus corpus);
}
