package dev.heredity.audit.report;

/** Where transfer evidence comes from; written in lowercase ("run", "file", "reference"). */
public enum TransferSource {
  /** Run in this scan. */
  RUN,
  /** Read from a previous transfer-test result file. */
  FILE,
  /** Published or measured figures cited, not run here. */
  REFERENCE
}
