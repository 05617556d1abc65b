package dev.heredity.audit.cli;

/**
 * A command-line mistake found after parsing (conflicting options, unknown format name...): exit
 * code 2.
 */
public class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
