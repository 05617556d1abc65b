package dev.heredity.detectors;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Effect sizes of the classifier test, each with an approximate 95% interval: the per-record
 * out-of-fold AUC, and the AUC of means of 8 and 16 out-of-fold scores per bag (how separable the
 * sets become when records are pooled). {@code refits} label permutations were run out of at most
 * {@code maxRefits}.
 */
@JsonPropertyOrder({
  "auc",
  "bag8",
  "bag16",
  "suspectRecords",
  "referenceRecords",
  "refits",
  "maxRefits"
})
public record ClassifierEffect(
    Estimate auc,
    Estimate bag8,
    Estimate bag16,
    int suspectRecords,
    int referenceRecords,
    int refits,
    int maxRefits) {

  /** A point estimate and the ends of its interval. */
  @JsonPropertyOrder({"estimate", "low", "high"})
  public record Estimate(double estimate, double low, double high) {}
}
