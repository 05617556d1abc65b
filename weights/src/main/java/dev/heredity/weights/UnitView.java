package dev.heredity.weights;

/** One weight tensor that holds a vector per hidden unit: its rows, or its columns. */
public record UnitView(String tensor, boolean unitsAreRows) {}
