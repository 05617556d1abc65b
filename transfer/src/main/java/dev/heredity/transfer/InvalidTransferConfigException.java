package dev.heredity.transfer;

/**
 * A {@link TransferConfig} value out of its range. It names the record component and the value,
 * never an option of some front end: the CLI maps {@link #field()} to its own flag when it words
 * the error.
 */
public final class InvalidTransferConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The range a setting must lie in. */
  public enum Constraint {
    AT_LEAST_TWO("must be at least 2"),
    AT_LEAST_ONE("must be at least 1"),
    NON_NEGATIVE("must not be negative"),
    POSITIVE_FINITE("must be a positive number"),
    NON_NEGATIVE_FINITE("must be a non-negative number");

    private final String wording;

    Constraint(String wording) {
      this.wording = wording;
    }

    public String wording() {
      return wording;
    }
  }

  private final String field;
  private final Constraint constraint;
  private final double value;

  public InvalidTransferConfigException(String field, Constraint constraint, double value) {
    super(field + " " + constraint.wording() + ", got " + format(value));
    this.field = field;
    this.constraint = constraint;
    this.value = value;
  }

  /** The {@link TransferConfig} component, e.g. {@code "epochsTeacher"}. */
  public String field() {
    return field;
  }

  public Constraint constraint() {
    return constraint;
  }

  public double value() {
    return value;
  }

  /** The value as written: integers without a fraction. */
  public String formattedValue() {
    return format(value);
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
