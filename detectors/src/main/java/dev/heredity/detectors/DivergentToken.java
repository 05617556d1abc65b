package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A token whose rate differs between the sets: log-odds ratio with an informative Dirichlet prior
 * (Monroe, Colaresi and Quinn 2008), natural logs. Positive {@code zScore} = more frequent in the
 * suspect set. {@code position} is 1-based (1 = first token of a record), {@code null} = any
 * position. Token-level and descriptive: it says where the sets differ, the record-level tests say
 * whether they do.
 */
@JsonPropertyOrder({"token", "position", "zScore", "suspectCount", "referenceCount"})
public record DivergentToken(
    String token, Integer position, double zScore, long suspectCount, long referenceCount) {}
