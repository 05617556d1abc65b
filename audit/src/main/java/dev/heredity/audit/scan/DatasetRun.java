package dev.heredity.audit.scan;

import dev.heredity.audit.report.TestedRecords;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.lineage.manifest.DatasetSpec;
import java.util.Objects;

/**
 * The detectors on one dataset that names a control set: either a report, or the reason they could
 * not run (said out loud by the {@code detectors-not-run} rule, never read as a pass).
 *
 * @param reference the control set's spec, null when the manifest does not declare it
 * @param report null when the detectors did not run
 * @param notRun why they did not run, null when they did
 * @param testedOn which records the tests ran on; null when they did not run, or for a detection
 *     that was not read from files
 */
public record DatasetRun(
    DatasetSpec dataset,
    DatasetSpec reference,
    DetectionReport report,
    String notRun,
    TestedRecords testedOn) {
  public DatasetRun {
    Objects.requireNonNull(dataset, "dataset");
    if ((report == null) == (notRun == null)) {
      throw new IllegalArgumentException("a run has either a report or a reason it did not run");
    }
  }

  public static DatasetRun ran(DatasetSpec dataset, DatasetSpec reference, DetectionReport report) {
    return ran(dataset, reference, report, null);
  }

  public static DatasetRun ran(
      DatasetSpec dataset, DatasetSpec reference, DetectionReport report, TestedRecords testedOn) {
    return new DatasetRun(dataset, reference, report, null, testedOn);
  }

  public static DatasetRun notRun(DatasetSpec dataset, DatasetSpec reference, String reason) {
    return new DatasetRun(dataset, reference, null, reason, null);
  }

  public boolean ran() {
    return report != null;
  }
}
