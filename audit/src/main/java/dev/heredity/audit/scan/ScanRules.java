package dev.heredity.audit.scan;

/** Rule ids of the findings the scan itself produces (lineage findings keep their own rule ids). */
public final class ScanRules {
    /** A teacher's generated data reaches a student that shares its initialisation. */
    public static final String SAME_BASE_PAIR = "same-base-pair";
    /** A teacher's generated data reaches a student of another base: no transfer observed in published work. */
    public static final String CROSS_BASE_PAIR = "cross-base-pair";
    /** A model may inherit a teacher's trait through two or more generate-then-train hops. */
    public static final String TRAIT_PROPAGATION = "trait-propagation";
    /** The detectors found the dataset distributed differently from its control set. */
    public static final String DISTRIBUTION_SHIFT = "distribution-shift";
    /** A dataset feeding a same-base pair has no control set, so distribution tests could not run. */
    public static final String NO_CONTROL_SET = "no-control-set";
    /** A control set is declared but a data file is missing, so distribution tests did not run. */
    public static final String DETECTORS_NOT_RUN = "detectors-not-run";
    /** The dataset's formatting differs from its control set's (kept apart from the content verdict). */
    public static final String FORMAT_DIFFERENCE = "format-difference";
    /** The leak scan found explicit references to a declared trait in generated data. */
    public static final String TRAIT_LEAK = "trait-leak";

    private ScanRules() {
    }
}
