package dev.heredity.audit.report;

/**
 * One point of the transfer sweep over initialisation noise: sigma, mean, 95% CI half-width (null
 * when unknown).
 */
public record SweepRow(double sigma, double mean, Double ci95) {}
