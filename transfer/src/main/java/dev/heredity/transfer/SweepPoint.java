package dev.heredity.transfer;

/**
 * Student accuracy when its init is the teacher's plus {@code sigma} x a fresh N(0, 1/fan_in) draw.
 */
public record SweepPoint(double sigma, Accuracy accuracy) {}
