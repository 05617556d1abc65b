package dev.heredity.audit.report;

/** One arm of the transfer test: mean score, half-width of its 95% CI, number of models. */
public record ArmRow(String arm, double mean, double ci95, int models) {}
