package dev.heredity.lineage.graph;

/**
 * An edge in the direction provenance flows (parent to child): base model to model (relation
 * finetune, prompted, merge...), generator to dataset ({@code generated}), source to derived
 * dataset (the operation, or {@code derived}), dataset to training ({@code input}), start
 * checkpoint to training ({@code from}), training to student ({@code produces}), and a dataset to
 * its control set ({@code reference}).
 */
public record GraphEdge(String source, String target, String relation) {
    public static final String GENERATED = "generated";
    public static final String DERIVED = "derived";
    public static final String INPUT = "input";
    public static final String FROM = "from";
    public static final String PRODUCES = "produces";
    public static final String REFERENCE = "reference";
}
