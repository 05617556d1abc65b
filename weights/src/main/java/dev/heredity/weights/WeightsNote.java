package dev.heredity.weights;

/**
 * Something the comparison wants said: a code, what it is about, and the values. Front ends word
 * it.
 *
 * @param subject a layer, tensor or file name
 * @param detail the numbers or names behind it, e.g. {@code "[64, 32] vs [48, 32]"}
 */
public record WeightsNote(Code code, String subject, String detail) {
  public enum Code {
    /** The architecture and the layers matched in both models (detail: count). */
    LAYERS_MATCHED,
    /** A tensor both models have, with different shapes (detail: the two shapes). */
    SHAPE_MISMATCH,
    /** MLP tensors present in only one of the models (subject: which model; detail: count). */
    ONLY_IN_ONE_MODEL,
    /** Neither model has MLP tensors under a known naming (detail: tensor count). */
    NO_KNOWN_LAYERS,
    /** A checkpoint format that is recognised but not compared (subject: file; detail: format). */
    UNSUPPORTED_FORMAT,
    /**
     * A layer with one view: a permutation of its units can hide a shared init (subject: layer).
     */
    SINGLE_VIEW,
    /**
     * The same-unit cosine bound confirmed a shared init, so the matching test was not run (detail:
     * p).
     */
    SHORTCUT_CONFIRMED,
    /** A layer too small for a rank test (detail: units). */
    TOO_FEW_UNITS,
    /**
     * Unit vectors were projected by the fixed CountSketch before the cosines (detail: {@code
     * "features -> dimensions"}).
     */
    SKETCHED,
    /**
     * A layer left out because some units' weights are NaN or infinite (subject: layer; detail:
     * {@code "A/B"} counts of such units in the two models).
     */
    NON_FINITE
  }
}
