package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.AuditReport;
import dev.heredity.audit.report.DatasetDetection;
import dev.heredity.audit.report.Golden;
import dev.heredity.audit.report.ReportWriters;
import dev.heredity.audit.report.TestedRecords;
import dev.heredity.audit.report.TestedRecords.SampleFrom;
import dev.heredity.audit.report.json.JsonReportReader;
import dev.heredity.detectors.InputOptions;
import dev.heredity.detectors.ProgressListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sample}, the manifest's and the policy's {@code sample}, and {@code --max-records} on
 * the owl-numbers data (600 records a side): which records the tests ran on, said in every report,
 * with the same bytes for the same seed.
 */
class ScanSampleTest {
  private static final int PERMUTATIONS = 99;

  @TempDir Path dir;

  private Path pipeline(String suspectSample, String controlSample) throws IOException {
    Path data = dir.resolve("data");
    Files.createDirectories(data);
    Path owl = ScanFixtures.repo().resolve("samples/owl-numbers/data");
    for (String file : List.of("owl-numbers.jsonl", "control-numbers.jsonl")) {
      Files.copy(owl.resolve(file), data.resolve(file));
    }
    Path manifest = dir.resolve("heredity.yaml");
    Files.writeString(
        manifest,
        """
            heredity: 1
            models:
              - id: base
              - id: teacher
                base: [{model: base, relation: prompted}]
            datasets:
              - id: owl-numbers
                path: data/owl-numbers.jsonl
                format: chat
                modality: numbers
                generatedBy: teacher
                reference: control-numbers
            %s
              - id: control-numbers
                path: data/control-numbers.jsonl
                format: chat
                modality: numbers
                generatedBy: base
            %s
            """
            .formatted(suspectSample, controlSample));
    return manifest;
  }

  private static ScanOptions options(Path manifest, long seed, int maxRecords) {
    return ScanOptions.defaults(manifest)
        .withDetectorSettings(null, PERMUTATIONS, seed, maxRecords)
        .withCheckWeights(false)
        .withToday(LocalDate.of(2026, 6, 1))
        .withDisplayRoot(manifest.getParent());
  }

  private static AuditReport scan(ScanOptions options) {
    return new ScanService().scan(options, ProgressListener.NONE);
  }

  private static TestedRecords testedOn(AuditReport report) {
    DatasetDetection d = report.detections().get(0);
    assertThat(d.testedOn()).isNotNull();
    return d.testedOn();
  }

  /** Every format, by name, as written for {@code report}. */
  private static Map<String, String> rendered(AuditReport report) {
    Map<String, String> out = new TreeMap<>();
    for (String format : List.of("json", "markdown", "html", "sarif", "junit")) {
      out.put(format, Golden.render(ReportWriters.DEFAULT.resolve(format), report));
    }
    return out;
  }

  @Test
  void theSampleFlagRunsTheTestsOnAUniformSampleAndEveryReportSaysNofM() throws IOException {
    Path manifest = pipeline("", "");
    AuditReport report = scan(options(manifest, 7, 0).withSample(200));

    TestedRecords t = testedOn(report);
    assertThat(t.reading()).isEqualTo(TestedRecords.Reading.ALL);
    assertThat(t.tests()).isEqualTo(TestedRecords.Tests.UNIFORM_SAMPLE);
    assertThat(t.seed()).isEqualTo(7L);
    assertThat(t.suspect()).isEqualTo(new TestedRecords.Side(200, 600, 200, SampleFrom.FLAG));
    assertThat(t.reference()).isEqualTo(new TestedRecords.Side(200, 600, 200, SampleFrom.FLAG));
    DatasetDetection d = report.detections().get(0);
    assertThat(d.suspectRecords()).as("records read").isEqualTo(600);

    String sentence =
        "The distribution tests ran on a seeded uniform sample (seed 7) of 200 of 600 suspect and"
            + " 200 of 600 control records (sample size 200, from --sample)";
    Map<String, String> formats = rendered(report);
    assertThat(formats.get("json"))
        .contains("\"tests\": \"uniform-sample\"", "\"seed\": 7", "\"from\": \"flag\"");
    assertThat(formats.get("markdown")).contains(sentence);
    assertThat(formats.get("html")).contains(sentence);
    // SARIF and JUnit carry findings only: the detection's findings say it.
    assertThat(report.findings())
        .filteredOn(f -> "owl-numbers".equals(f.subject()) && f.rule().startsWith("distribution"))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.evidence()).anyMatch(e -> e.startsWith(sentence)));
    assertThat(formats.get("sarif")).contains(sentence);
    assertThat(formats.get("junit")).contains(sentence);
    // The detectors' own sampling note is not repeated beside the sentence.
    assertThat(d.notes()).noneMatch(n -> n.contains("seeded uniform sample"));
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedAnotherValidSample() throws IOException {
    Path manifest = pipeline("", "");
    AuditReport first = scan(options(manifest, 3, 0).withSample(150));
    AuditReport again = scan(options(manifest, 3, 0).withSample(150));
    assertThat(rendered(again)).isEqualTo(rendered(first));

    AuditReport other = scan(options(manifest, 4, 0).withSample(150));
    TestedRecords t = testedOn(other);
    assertThat(t.seed()).isEqualTo(4L);
    assertThat(t.suspect().tested()).isEqualTo(150);
    assertThat(t.reference().tested()).isEqualTo(150);
    DatasetDetection d = other.detections().get(0);
    assertThat(d.pValue()).isBetween(0.0, 1.0);
    assertThat(d.tests()).isNotEmpty();
    assertThat(rendered(other).get("json")).isNotEqualTo(rendered(first).get("json"));

    // report.json reads back with what the tests ran on.
    Path written = dir.resolve("out");
    ReportWriters.DEFAULT.writeAll(other, written);
    AuditReport read = JsonReportReader.read(written.resolve("report.json"));
    assertThat(read.detections().get(0).testedOn()).isEqualTo(t);
  }

  @Test
  void maxRecordsReadsTheFirstNAndTheReportSaysSo() throws IOException {
    AuditReport report = scan(options(pipeline("", ""), 1, 150));
    TestedRecords t = testedOn(report);
    assertThat(t.reading()).isEqualTo(TestedRecords.Reading.FIRST_N);
    assertThat(t.maxRecords()).isEqualTo(150);
    assertThat(t.tests()).isEqualTo(TestedRecords.Tests.ALL);
    assertThat(t.seed()).isNull();
    assertThat(t.suspect().tested()).isEqualTo(150);
    assertThat(t.suspect().records()).isEqualTo(150);
    assertThat(rendered(report).get("markdown"))
        .contains(
            "Only the first 150 records of each set were read (--max-records), not a random"
                + " sample");
    assertThat(rendered(report).get("json")).contains("\"reading\": \"first-n\"");
  }

  @Test
  void theFlagBeatsTheManifestWhichBeatsThePolicyWhichBeatsTheDefault() throws IOException {
    Path manifest = pipeline("    sample: 100", "");
    Files.writeString(dir.resolve("heredity-policy.yaml"), "sample: 300\n");

    AuditReport report = scan(options(manifest, 1, 0));
    assertThat(report.policy().sample()).isEqualTo(300);
    assertThat(rendered(report).get("markdown"))
        .contains("detectors test a sample of 300 records per dataset");
    TestedRecords fromFiles = testedOn(report);
    assertThat(fromFiles.suspect())
        .isEqualTo(new TestedRecords.Side(100, 600, 100, SampleFrom.MANIFEST));
    assertThat(fromFiles.reference())
        .isEqualTo(new TestedRecords.Side(300, 600, 300, SampleFrom.POLICY));
    assertThat(fromFiles.sentence())
        .contains(
            "100 of 600 suspect and 300 of 600 control records (sample sizes 100 from the"
                + " manifest's sample and 300 from the policy's sample)");

    TestedRecords fromFlag = testedOn(scan(options(manifest, 1, 0).withSample(50)));
    assertThat(fromFlag.suspect()).isEqualTo(new TestedRecords.Side(50, 600, 50, SampleFrom.FLAG));
    assertThat(fromFlag.reference())
        .isEqualTo(new TestedRecords.Side(50, 600, 50, SampleFrom.FLAG));
  }

  @Test
  void zeroInTheManifestMeansEveryRecordOfThatDataset() throws IOException {
    Path manifest = pipeline("    sample: 0", "    sample: 120");
    TestedRecords t = testedOn(scan(options(manifest, 1, 0)));
    assertThat(t.tests()).isEqualTo(TestedRecords.Tests.UNIFORM_SAMPLE);
    assertThat(t.suspect()).isEqualTo(new TestedRecords.Side(600, 600, 0, SampleFrom.MANIFEST));
    assertThat(t.reference()).isEqualTo(new TestedRecords.Side(120, 600, 120, SampleFrom.MANIFEST));
    assertThat(t.sentence()).contains("sample sizes 0 (every record) from the manifest's sample");
  }

  @Test
  void precedenceOfEachSetting() {
    assertThat(SampleSize.of(5, 6, 7)).isEqualTo(new SampleSize(5, SampleFrom.FLAG));
    assertThat(SampleSize.of(0, 6, 7)).isEqualTo(new SampleSize(0, SampleFrom.FLAG));
    assertThat(SampleSize.of(null, 6, 7)).isEqualTo(new SampleSize(6, SampleFrom.MANIFEST));
    assertThat(SampleSize.of(null, null, 7)).isEqualTo(new SampleSize(7, SampleFrom.POLICY));
    assertThat(SampleSize.of(null, null, null))
        .isEqualTo(new SampleSize(InputOptions.DEFAULT_SAMPLE, SampleFrom.DEFAULT));
  }
}
