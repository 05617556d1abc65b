package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Records used from each file, and malformed records skipped with {@code --skip-bad}. */
@JsonPropertyOrder({"suspect", "reference", "skippedSuspect", "skippedReference"})
public record RecordCounts(int suspect, int reference, int skippedSuspect, int skippedReference) {}
