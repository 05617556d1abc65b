package dev.heredity.audit.report;

/** A report could not be written or read (wraps the I/O cause). */
public class ReportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ReportException(String message, Throwable cause) {
    super(message, cause);
  }

  public ReportException(String message) {
    super(message);
  }
}
