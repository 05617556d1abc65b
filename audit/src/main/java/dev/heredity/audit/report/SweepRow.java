package dev.heredity.audit.report;

/** One point of a transfer-test sweep (e.g. initialisation noise sigma): mean and 95% CI half-width. */
public record SweepRow(double sigma, double mean, double ci95) {}
