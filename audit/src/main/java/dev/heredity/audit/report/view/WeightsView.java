package dev.heredity.audit.report.view;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.ReportNumbers;
import dev.heredity.audit.report.WeightsEvidence;
import dev.heredity.audit.report.WeightsOutcome;
import dev.heredity.audit.report.WeightsRelation;
import java.util.List;
import java.util.Locale;

/**
 * The weights check as every format shows it: one line of counts, the run time (only in a stamped
 * report: it differs between runs), and per relation its outcome, the finding that reports it (a
 * contradiction or a relation that could not be checked) and whether its per-layer rows are
 * collapsed.
 *
 * @param counts "3 relations tested against local weights (alpha 0.01): 1 confirmed, 2
 *     contradicted, 0 could not check"
 * @param time "0.4 s" in a stamped report, null otherwise
 */
public record WeightsView(
    WeightsEvidence evidence, String counts, String time, List<RelationView> relations) {

  /** Relations with more layers than this show them collapsed (HTML {@code <details>}). */
  public static final int OPEN_LAYERS = 4;

  /**
   * Rule ids of the findings a relation can have; kept here so the view does not depend on scan.
   */
  static final List<String> RULES = List.of("weights-contradict-lineage", "weights-not-checked");

  /**
   * A relation as shown.
   *
   * @param finding the finding about it (contradiction or could not check), null when confirmed
   * @param collapsed its per-layer rows are folded away by default
   */
  public record RelationView(WeightsRelation relation, Finding finding, boolean collapsed) {
    /** "shared-init (p = 2.6e-176)", or "not compared". */
    public String weights() {
      if (relation.verdict() == null) {
        return "not compared";
      }
      return relation.verdict()
          + (relation.pValue() == null ? "" : " (p = " + pValue(relation.pValue()) + ")");
    }

    /** The CI view: fails exactly when its finding fails the gate. */
    public boolean failing() {
      return finding != null && finding.status() == Finding.Status.FAILING;
    }
  }

  /** The weights test reports p-values down to 1e-300: at that floor it says "< 1e-300". */
  public static String pValue(double p) {
    return p <= 1e-300 ? "< 1e-300" : ReportNumbers.pValue(p);
  }

  public WeightsView {
    relations = List.copyOf(relations);
  }

  static WeightsView of(AuditReport report) {
    WeightsEvidence e = report.weights();
    if (e == null) {
      return null;
    }
    List<RelationView> relations =
        e.relations().stream()
            .map(r -> new RelationView(r, finding(report, r), r.layers().size() > OPEN_LAYERS))
            .toList();
    String counts =
        String.format(
            Locale.ROOT,
            "%d declared %s with local weights (alpha %s): %d confirmed, %d contradicted,"
                + " %d could not check",
            e.relations().size(),
            e.relations().size() == 1 ? "relation" : "relations",
            ReportNumbers.stat(e.alpha()),
            e.count(WeightsOutcome.CONFIRMED),
            e.count(WeightsOutcome.CONTRADICTED),
            e.count(WeightsOutcome.UNCHECKED));
    if (e.pairsWithoutWeights() > 0) {
      counts +=
          "; "
              + e.pairsWithoutWeights()
              + (e.pairsWithoutWeights() == 1 ? " pair" : " pairs")
              + " without local weights not tested";
    }
    String time =
        report.stamp() != null && e.seconds() != null
            ? String.format(Locale.ROOT, "%.1f s", e.seconds())
            : null;
    return new WeightsView(e, counts, time, relations);
  }

  private static Finding finding(AuditReport report, WeightsRelation r) {
    if (r.outcome() == WeightsOutcome.CONFIRMED) {
      return null;
    }
    String rule = r.outcome() == WeightsOutcome.CONTRADICTED ? RULES.get(0) : RULES.get(1);
    return report.findings().stream()
        .filter(f -> f.rule().equals(rule) && r.subject().equals(f.subject()))
        .findFirst()
        .orElse(null);
  }
}
