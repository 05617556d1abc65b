package dev.heredity.audit.report;

/** What the weights said about a declared teacher/student relation. */
public enum WeightsOutcome {
  /** The weights agree with the declared relation (shared base, or none). */
  CONFIRMED("confirmed"),
  /** The weights contradict it (a finding of {@code weights-contradict-lineage}). */
  CONTRADICTED("contradicted"),
  /**
   * The weights could not be read or could not decide (a finding of {@code weights-not-checked}).
   */
  UNCHECKED("could not check");

  private final String label;

  WeightsOutcome(String label) {
    this.label = label;
  }

  /** The outcome in words for people. */
  public String label() {
    return label;
  }
}
