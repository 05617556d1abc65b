package dev.heredity.transfer;

/** The arms of the protocol, in report order. */
public enum Arm {
  TEACHER("teacher"),
  REFERENCE("reference"),
  SAME_INIT("same-init"),
  CROSS_INIT("cross-init"),
  SAME_INIT_ALL_LOGITS("same-init-all-logits"),
  CROSS_INIT_ALL_LOGITS("cross-init-all-logits");

  private final String id;

  Arm(String id) {
    this.id = id;
  }

  /** The name used in JSON and tables. */
  public String id() {
    return id;
  }
}
