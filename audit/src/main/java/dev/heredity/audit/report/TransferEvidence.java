package dev.heredity.audit.report;

import java.util.List;

/**
 * Transfer-test evidence: run in this scan, read from a previous result, or published/measured figures
 * cited and not run here ({@code runHere} false).
 */
public record TransferEvidence(
    TransferSource source,
    boolean runHere,
    String citation,
    String verdict,
    List<ArmRow> arms,
    List<SweepRow> sweep) {

  public TransferEvidence {
    arms = Lists.copy(arms);
    sweep = Lists.copy(sweep);
  }
}
