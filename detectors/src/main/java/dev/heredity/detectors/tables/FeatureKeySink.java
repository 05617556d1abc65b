package dev.heredity.detectors.tables;

/**
 * Receives the features of one record: a block (sub-table) and a non-negative key within it (<
 * 2^47).
 */
@FunctionalInterface
public interface FeatureKeySink {
  void accept(int block, long key);
}
