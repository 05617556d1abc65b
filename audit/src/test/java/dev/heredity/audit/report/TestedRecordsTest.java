package dev.heredity.audit.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.audit.report.TestedRecords.Reading;
import dev.heredity.audit.report.TestedRecords.SampleFrom;
import dev.heredity.audit.report.TestedRecords.Side;
import dev.heredity.audit.report.TestedRecords.Tests;
import dev.heredity.audit.report.json.ReportJson;
import org.junit.jupiter.api.Test;

/** The words every format uses for which records the tests ran on, and the JSON labels. */
class TestedRecordsTest {
  private static final Side WHOLE = new Side(600, 600, 100_000, SampleFrom.DEFAULT);

  @Test
  void everyRecord() {
    TestedRecords t = new TestedRecords(Reading.ALL, null, Tests.ALL, null, WHOLE, WHOLE);
    assertThat(t.sentence())
        .isEqualTo(
            "The distribution tests ran on every record read: 600 suspect and 600 control records.");
    assertThat(t.brief()).isEqualTo("every record");
  }

  @Test
  void aUniformSampleSaysNofMTheSeedAndWhereEachSizeCameFrom() {
    TestedRecords t =
        new TestedRecords(
            Reading.ALL,
            null,
            Tests.UNIFORM_SAMPLE,
            9L,
            new Side(1000, 5000, 1000, SampleFrom.MANIFEST),
            new Side(2000, 2000, 0, SampleFrom.POLICY));
    assertThat(t.sentence())
        .isEqualTo(
            "The distribution tests ran on a seeded uniform sample (seed 9) of 1000 of 5000 suspect"
                + " and 2000 of 2000 control records (sample sizes 1000 from the manifest's sample and"
                + " 0 (every record) from the policy's sample); record counts, the format profile and"
                + " the leak scan cover every record read.");
    assertThat(t.brief()).isEqualTo("uniform sample 1000/5000 vs 2000/2000, seed 9");
  }

  @Test
  void theFirstNRecordsAreNamedAsNotARandomSample() {
    Side first = new Side(50, 50, 100_000, SampleFrom.DEFAULT);
    TestedRecords t = new TestedRecords(Reading.FIRST_N, 50, Tests.ALL, null, first, first);
    assertThat(t.sentence())
        .startsWith(
            "Only the first 50 records of each set were read (--max-records), not a random sample:"
                + " a sorted file gives a biased comparison. The distribution tests ran on every"
                + " record read: 50 suspect and 50 control records.");
    assertThat(t.brief()).isEqualTo("first 50 records");
    Side sampled = new Side(10, 50, 10, SampleFrom.FLAG);
    assertThat(
            new TestedRecords(Reading.FIRST_N, 50, Tests.UNIFORM_SAMPLE, 1L, sampled, sampled)
                .brief())
        .isEqualTo("first 50 records, uniform sample 10/50 vs 10/50, seed 1");
  }

  @Test
  void maxRecordsGoesWithFirstNOnly() {
    assertThatThrownBy(() -> new TestedRecords(Reading.ALL, 5, Tests.ALL, null, WHOLE, WHOLE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new TestedRecords(Reading.FIRST_N, null, Tests.ALL, null, WHOLE, WHOLE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void jsonLabelsAreTheDetectorsAndReadBack() throws Exception {
    TestedRecords t =
        new TestedRecords(
            Reading.FIRST_N,
            40,
            Tests.UNIFORM_SAMPLE,
            3L,
            new Side(10, 40, 10, SampleFrom.FLAG),
            new Side(40, 40, 0, SampleFrom.CLUSTER_RUN));
    String json = ReportJson.mapper().writeValueAsString(t);
    assertThat(json)
        .contains(
            "\"reading\":\"first-n\"",
            "\"tests\":\"uniform-sample\"",
            "\"from\":\"flag\"",
            "\"from\":\"cluster-run\"");
    assertThat(ReportJson.mapper().readValue(json, TestedRecords.class)).isEqualTo(t);
  }
}
