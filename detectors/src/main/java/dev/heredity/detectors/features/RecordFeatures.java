package dev.heredity.detectors.features;

/**
 * What one record contributes, before interning: content tokens, format classes ("separator=...",
 * "brackets=..."), prompt-relation classes ({@code null} without a prompt), and whether it passes
 * the paper's number filter.
 */
public record RecordFeatures(
    String[] tokens, String[] formatClasses, String[] promptClasses, boolean conforming) {}
