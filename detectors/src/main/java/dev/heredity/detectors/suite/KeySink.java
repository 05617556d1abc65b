package dev.heredity.detectors.suite;

/** Receives the features of one record: a block (sub-table) and a non-negative key within it (< 2^47). */
@FunctionalInterface
public interface KeySink {
    void accept(int block, long key);
}
