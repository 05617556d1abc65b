package dev.heredity.audit.report;

/**
 * One lineage node. {@code kind} is model, dataset or training; {@code severity} is the highest
 * severity of a risky pair touching it, or null.
 */
public record GraphNode(String id, String kind, String label, String severity) {
  public static final String MODEL = "model";
  public static final String DATASET = "dataset";
  public static final String TRAINING = "training";
}
