package dev.heredity.transfer;

/**
 * Input data the transfer test cannot read (bad IDX header, truncated file, malformed result JSON).
 * The message is one line naming the file and the byte or line position; it carries no advice, so
 * any caller can show it as is.
 */
public class TransferInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TransferInputException(String message) {
    super(message);
  }

  public TransferInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
