package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Format findings, kept apart from the content verdict: separators, brackets, endings and line
 * breaks can differ for reasons that have nothing to do with a trait. {@code reference} and {@code
 * test} are {@code null} without a reference set.
 */
@JsonPropertyOrder({"suspect", "reference", "test"})
public record FormatReport(FormatProfile suspect, FormatProfile reference, TestResult test) {}
