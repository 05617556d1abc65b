package dev.heredity.audit.report;

import java.util.List;

/**
 * Transfer-test evidence. {@code source} is "run" (run in this scan), "file" (read from a previous
 * result) or "reference" (published/measured figures cited, not run here: {@code runHere} false).
 */
public record TransferEvidence(
    String source,
    boolean runHere,
    String citation,
    String verdict,
    List<ArmRow> arms,
    List<SweepRow> sweep) {

  public static final String RUN = "run";
  public static final String FILE = "file";
  public static final String REFERENCE = "reference";

  public TransferEvidence {
    arms = Lists.copy(arms);
    sweep = Lists.copy(sweep);
  }
}
