package dev.heredity.audit.policy;

import dev.heredity.lineage.InvalidManifestException;

/**
 * A policy file or baseline report that cannot be accepted. The message is one line starting with
 * {@code file:line:column:} when the offending value has a position. It extends {@link
 * InvalidManifestException} because both are "an input file the audit is built from is invalid":
 * the CLI maps it to exit code 3 without a case of its own.
 */
public class InvalidPolicyException extends InvalidManifestException {
  private static final long serialVersionUID = 1L;

  public InvalidPolicyException(String message) {
    super(message);
  }

  public InvalidPolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
