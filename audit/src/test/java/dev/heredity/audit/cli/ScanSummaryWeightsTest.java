package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.RepoRoot;
import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.scan.ScanOptions;
import dev.heredity.audit.scan.ScanService;
import dev.heredity.detectors.ProgressListener;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The terminal summary lists every relation the weights check tested, and how long it took. */
class ScanSummaryWeightsTest {
  @Test
  void theTableHasTheWeightsCountsRunTimeAndOneLinePerRelation() {
    AuditReport report =
        new ScanService()
            .scan(
                ScanOptions.defaults(RepoRoot.resolve("samples/weights"))
                    .withDisplayRoot(RepoRoot.path())
                    .withToday(LocalDate.of(2026, 6, 1)),
                ProgressListener.NONE);
    String table = ScanSummary.table(report);
    assertThat(table)
        .containsPattern(
            "Weights: 4 declared relations with local weights \\(alpha 0.01\\): 1 confirmed, 2"
                + " contradicted, 1 could not check \\(\\d+\\.\\d s\\)")
        .contains(
            "  teacher -> student-declared-b: contradicted: weights shared-init (p = 2.6e-176),"
                + " declared no shared base")
        .contains("  teacher -> student-honest: confirmed: weights shared-init")
        .contains("  teacher -> student-elsewhere: could not check: The checkpoint.path of");
  }
}
