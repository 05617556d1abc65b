package dev.heredity.weights;

/** What the weights say about the two models' initialisations. */
public enum Verdict {
  SHARED_INIT("shared-init"),
  INDEPENDENT("independent"),
  INCONCLUSIVE("inconclusive");

  private final String id;

  Verdict(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
