package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanSummaryTest {
  @Test
  void tableStartsWithTheHeadlineAndFitsOneHundredTwentyColumns() {
    AuditReport sample = SampleReports.sample();
    String longSubject =
        "a-very-long-teacher-model-identifier/with-a-hub-namespace -> another-long-student-id"
            + "\u001b[2J\r";
    List<Finding> findings =
        sample.findings().stream()
            .map(
                f ->
                    new Finding(
                        f.id(),
                        f.rule(),
                        f.severity(),
                        longSubject,
                        f.title(),
                        f.explanation(),
                        f.evidence(),
                        f.location(),
                        f.compliance(),
                        f.status(),
                        f.suppressionReason(),
                        f.overriddenFrom()))
            .toList();
    AuditReport report =
        new AuditReport(
            sample.schema(),
            sample.tool(),
            sample.version(),
            sample.manifest(),
            sample.summary(),
            sample.nodes(),
            sample.edges(),
            sample.pairs(),
            findings,
            sample.detections(),
            sample.transfer(),
            null,
            sample.policy(),
            sample.compliance(),
            sample.rules(),
            null);
    String table = ScanSummary.table(report);
    assertThat(table)
        .startsWith("Heredity audit: FAILED\n2 findings at or above high fail the gate.\n");
    assertThat(table.lines())
        .allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(120));
    assertThat(table).doesNotContain("\u001b").doesNotContain("\r");
  }
}
