package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.detectors.ProgressListener;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The owl sample as sharded Parquet folders gives the same verdicts as the JSONL files. */
class OwlParquetScanTest {

  private static AuditReport scan(String sample) {
    Path repo = ScanFixtures.repo();
    return new ScanService()
        .scan(
            ScanOptions.defaults(repo.resolve("samples/" + sample))
                .withToday(LocalDate.of(2026, 6, 1))
                .withDisplayRoot(repo),
            ProgressListener.NONE);
  }

  private static List<String> verdicts(AuditReport report) {
    return report.detections().stream().map(OwlParquetScanTest::verdict).toList();
  }

  private static String verdict(DatasetDetection d) {
    return d.dataset()
        + " vs "
        + d.reference()
        + ": "
        + d.verdict()
        + " p="
        + d.pValue()
        + " records "
        + d.suspectRecords()
        + "/"
        + d.referenceRecords()
        + " tests "
        + d.tests().stream().map(t -> t.id() + "=" + t.pValue()).toList();
  }

  private static List<String> findings(AuditReport report) {
    return report.findings().stream().map(Finding::rule).sorted().toList();
  }

  @Test
  void sameVerdictsAsTheJsonlSample() {
    AuditReport jsonl = scan("owl-numbers");
    AuditReport parquet = scan("owl-parquet");

    assertThat(verdicts(parquet)).isEqualTo(verdicts(jsonl)).hasSize(1);
    assertThat(String.valueOf(parquet.detections().get(0).verdict()))
        .isEqualToIgnoringCase("signal");
    assertThat(findings(parquet)).contains("distribution-shift");
    assertThat(findings(parquet).stream().filter(r -> !r.equals("missing-file")).toList())
        .isEqualTo(findings(jsonl).stream().filter(r -> !r.equals("missing-file")).toList());
  }
}
