package dev.heredity.audit.cli;

/** Process exit codes shared by every command. */
public final class ExitCodes {
  /** Nothing at or above the fail threshold. */
  public static final int CLEAN = 0;

  /** At least one finding at or above the fail threshold. */
  public static final int FINDINGS = 1;

  /** The command line itself is wrong. */
  public static final int USAGE = 2;

  /** An input file (manifest, dataset, policy...) is invalid or unreadable. */
  public static final int INVALID_INPUT = 3;

  /**
   * A bug in Heredity (an unexpected exception). Kept apart from {@link #FINDINGS} so a CI gate
   * never mistakes a crash for findings; 70 is EX_SOFTWARE from sysexits.h.
   */
  public static final int INTERNAL_ERROR = 70;

  private ExitCodes() {}
}
