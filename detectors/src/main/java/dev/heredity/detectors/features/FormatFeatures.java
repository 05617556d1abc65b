package dev.heredity.detectors.features;

/**
 * What one record adds to the full-pass tally: its format classes, whether it passes the paper's
 * number filter, and whether it holds a blocklisted number (numbers modality).
 */
record FormatFeatures(String[] classes, boolean conforming, boolean blocklisted) {}
