package dev.heredity.audit.report;

import java.util.List;

/**
 * Transfer-test evidence: run in this scan, read from a previous result, or published/measured
 * figures cited and not run here ({@code runHere} false). {@code weights} is the weight test
 * between the proxy's teachers and students, null when none was run or cited.
 */
public record TransferEvidence(
    TransferSource source,
    boolean runHere,
    String citation,
    String verdict,
    List<ArmRow> arms,
    List<SweepRow> sweep,
    ProxyWeights weights) {

  public TransferEvidence {
    arms = Lists.copy(arms);
    sweep = Lists.copy(sweep);
  }

  /** Evidence without the weight test on the proxy. */
  public TransferEvidence(
      TransferSource source,
      boolean runHere,
      String citation,
      String verdict,
      List<ArmRow> arms,
      List<SweepRow> sweep) {
    this(source, runHere, citation, verdict, arms, sweep, null);
  }

  /**
   * What this evidence is, said wherever it is shown: it was not measured on the audited models.
   */
  public static final String PROXY_NOTE =
      "Mechanism evidence from a proxy experiment: students trained on a"
          + " teacher's outputs on noise images pick up its MNIST skill when they share its initialisation, not"
          + " when they do not. It shows that the mechanism behind same-base pairs exists; it was not measured"
          + " on the models of this manifest.";

  /**
   * The spread of an arm for people: "± 1.5", the per-model values when too few models ran, or
   * "unknown".
   */
  public static String spread(ArmRow a) {
    if (a.ci95() != null) {
      return "\u00b1 " + ReportNumbers.stat(a.ci95());
    }
    if (!a.perModel().isEmpty()) {
      return "no CI ("
          + a.models()
          + " models): "
          + String.join(", ", a.perModel().stream().map(ReportNumbers::stat).toList());
    }
    return "unknown";
  }
}
