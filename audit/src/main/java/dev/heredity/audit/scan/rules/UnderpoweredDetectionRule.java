package dev.heredity.audit.scan.rules;

import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.TestedRecords;
import dev.heredity.audit.scan.DatasetRun;
import dev.heredity.audit.scan.DetectionRows;
import dev.heredity.audit.scan.RuleInfo;
import dev.heredity.audit.scan.ScanContext;
import dev.heredity.audit.scan.ScanRule;
import dev.heredity.detectors.DetectablePower;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detectors ran but were inconclusive: the sets are too small to detect an effect the size of
 * the published transfers, so the absence of a signal is not a pass. Medium when the dataset trains
 * a same-base student (where transfer happens), info otherwise.
 */
@RuleInfo(
    id = UnderpoweredDetectionRule.ID,
    defaultSeverity = Severity.MEDIUM,
    summary = "A dataset's distribution test was too small to rule out a hidden signal",
    help =
        "The record-level tests found no signal, but with this many records they could not have detected an"
            + " effect the size of the published subliminal-learning transfers (their minimum detectable effect"
            + " is larger). Compare more records of the dataset and its control set, as many as the finding"
            + " says, before reading the result as clean.")
public final class UnderpoweredDetectionRule implements ScanRule {
  public static final String ID = "distribution-test-underpowered";

  @Override
  public List<Finding> check(ScanContext context) {
    List<Finding> out = new ArrayList<>();
    for (DatasetRun run : context.runs()) {
      if (run.ran() && run.report().inconclusive()) {
        out.add(finding(context, run));
      }
    }
    return out;
  }

  private static Finding finding(ScanContext context, DatasetRun run) {
    String id = run.dataset().id();
    DetectionReport r = run.report();
    DetectablePower power = r.power();
    long records = DetectionRows.testedPerSide(run);
    String title =
        power == null
            ? String.format(
                Locale.ROOT,
                "distribution test underpowered: %d records, too few for the classifier",
                records)
            : String.format(
                Locale.ROOT,
                "distribution test underpowered: %d records, needs about %d",
                records,
                power.recordsNeededPerSide());
    List<String> evidence = new ArrayList<>();
    if (power != null) {
      evidence.add(
          String.format(
              Locale.ROOT,
              "minimum detectable per-record AUC %.3f at %.0f%% power (level"
                  + " %.3g); published transfers measured about %.2f",
              power.minimumDetectableAuc(),
              100 * power.power(),
              power.level(),
              power.yardstickAuc()));
    }
    if (run.testedOn() != null) {
      evidence.add(run.testedOn().sentence());
    }
    evidence.addAll(DetectionRows.noteTexts(run));
    boolean sameBase = context.pairsCarrying(id).stream().anyMatch(RiskPair::sharedBase);
    return context
        .finding(
            UnderpoweredDetectionRule.class, sameBase ? Severity.MEDIUM : Severity.INFO, id, title)
        .explanation(
            "The record-level tests found no signal between "
                + id
                + " and its control set "
                + run.dataset().reference()
                + ", but at this size they could not have detected an effect"
                + " the size of the published transfers. "
                + (sameBase
                    ? "The dataset trains a student of the generator's base, where hidden traits"
                        + " transferred, so this is not a pass."
                    : "No same-base student trains on it.")
                + (run.testedOn() != null
                        && run.testedOn().tests() == TestedRecords.Tests.UNIFORM_SAMPLE
                    ? " The tests ran on a sample: raise it (--sample, or the dataset's sample in the"
                        + " manifest) to compare more records."
                    : " Compare more records to decide."))
        .evidence(evidence)
        .at(context.location(run.dataset().location()))
        .key(run.dataset().reference())
        .build();
  }
}
