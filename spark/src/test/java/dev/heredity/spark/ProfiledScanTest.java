package dev.heredity.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Finding;
import dev.heredity.audit.report.TestedRecords;
import dev.heredity.audit.scan.ScanOptions;
import dev.heredity.audit.scan.ScanService;
import dev.heredity.detectors.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `scan --profiles` on the cluster job's output gives the local scan's findings and detections. */
class ProfiledScanTest {
  private static final Path REPO =
      Path.of(System.getProperty("heredity.repo", "..")).toAbsolutePath().normalize();
  private static final Path SAMPLE = REPO.resolve("samples/owl-numbers");
  private static SparkSession spark;

  @TempDir static Path temp;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("heredity-test")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static AuditReport scan(Path profiles) {
    ScanOptions options =
        ScanOptions.defaults(SAMPLE)
            .withToday(LocalDate.of(2026, 6, 1))
            .withDisplayRoot(REPO)
            .withProfiles(profiles);
    return new ScanService().scan(options, ProgressListener.NONE);
  }

  @Test
  void profilesGiveTheLocalFindingsAndSayWhereTheyCameFrom() {
    Path out = temp.resolve("profiles");
    ProfileJob.run(
        spark,
        ProfileJob.parse(
            new String[] {
              "--manifest", SAMPLE.resolve("heredity.yaml").toString(), "--out", out.toString()
            }));
    AuditReport local = scan(null);
    AuditReport cluster = scan(out);

    assertThat(cluster.findings())
        .extracting(Finding::id, Finding::rule, Finding::severity, Finding::title)
        .isEqualTo(
            local.findings().stream()
                .map(
                    f ->
                        org.assertj.core.groups.Tuple.tuple(
                            f.id(), f.rule(), f.severity(), f.title()))
                .toList());
    assertThat(cluster.findings())
        .extracting(Finding::rule)
        .contains("distribution-shift", "same-base-pair");
    DatasetDetection c = cluster.detections().get(0);
    DatasetDetection l = local.detections().get(0);
    assertThat(c.verdict()).isEqualTo(l.verdict());
    assertThat(c.pValue()).isEqualTo(l.pValue());
    assertThat(c.tests()).isEqualTo(l.tests());
    assertThat(c.divergentTokens()).isEqualTo(l.divergentTokens());
    assertThat(c.formatNotes()).isEqualTo(l.formatNotes());
    assertThat(c.leaks()).isEqualTo(l.leaks());
    assertThat(c.notes()).containsAll(l.notes());
    // The tests ran on the cluster run's samples, which hold every record of these small sets.
    assertThat(c.testedOn().tests()).isEqualTo(TestedRecords.Tests.ALL);
    assertThat(c.testedOn().suspect().from()).isEqualTo(TestedRecords.SampleFrom.CLUSTER_RUN);
    assertThat(c.testedOn().suspect().records()).isEqualTo(600);
    assertThat(l.testedOn().suspect().from()).isEqualTo(TestedRecords.SampleFrom.DEFAULT);
    assertThat(c.notes())
        .anySatisfy(
            n ->
                assertThat(n)
                    .startsWith("Statistics from a cluster run (spark ")
                    .contains("cover all 600 suspect and 600 reference records"));
  }

  @Test
  void aDatasetTheRunDidNotProfileIsNotSilentlyReadFromDisk() throws Exception {
    Path out = temp.resolve("only-owl");
    ProfileJob.run(
        spark,
        ProfileJob.parse(
            new String[] {
              "--manifest",
              SAMPLE.resolve("heredity.yaml").toString(),
              "--out",
              out.toString(),
              "--dataset",
              "owl-numbers",
              "--sample",
              "50"
            }));
    assertThat(Files.list(out).map(p -> p.getFileName().toString()).toList()).hasSize(3);
    AuditReport report = scan(out);
    assertThat(report.detections()).isEmpty();
    List<Finding> notRun =
        report.findings().stream().filter(f -> f.rule().equals("detectors-not-run")).toList();
    assertThat(notRun)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.subject()).isEqualTo("owl-numbers");
              assertThat(String.join(" ", f.evidence()) + f.explanation())
                  .contains("control-numbers has no profile");
            });
  }
}
