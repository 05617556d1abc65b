package dev.heredity.detectors.input;

/** A record that cannot be parsed; the reader adds the file and line to the message. */
public final class MalformedRecordException extends Exception {
  private static final long serialVersionUID = 1L;
  private final int column;

  public MalformedRecordException(int column, String message) {
    super(message);
    this.column = column;
  }

  /** 1-based column, 0 when unknown. */
  public int column() {
    return column;
  }
}
