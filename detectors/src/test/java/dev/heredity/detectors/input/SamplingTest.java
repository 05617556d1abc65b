package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.heredity.detectors.DatasetInput;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InputOptions;
import dev.heredity.detectors.InputReport;
import dev.heredity.detectors.Note;
import dev.heredity.detectors.features.CorpusReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --sample}: uniform over all records of all shards, deterministic, independent of the shard
 * split.
 */
class SamplingTest {
  @TempDir Path temp;

  private List<String> records(int n) {
    List<String> answers = TestData.answers(n, 11, false);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(TestData.completion("record " + i, answers.get(i)));
    }
    return out;
  }

  @Test
  void everyPositionIsEquallyLikelyAcrossSeeds() throws Exception {
    int n = 40;
    int k = 8;
    int seeds = 500;
    List<String> all = records(n);
    Path folder = temp.resolve("shards");
    TestData.lines(folder.resolve("a.jsonl"), all.subList(0, 10));
    TestData.lines(folder.resolve("b.jsonl"), all.subList(10, 35));
    TestData.lines(folder.resolve("c.jsonl"), all.subList(35, n));
    long[] hits = new long[n];
    for (long seed = 1; seed <= seeds; seed++) {
      for (var record : Reading.read(DatasetInput.of(folder), k, seed).tested()) {
        hits[Integer.parseInt(record.prompt().substring("record ".length()))]++;
      }
    }
    double expected = (double) seeds * k / n;
    double chi2 = 0;
    for (long h : hits) {
      chi2 += (h - expected) * (h - expected) / expected;
    }
    double p = ChiSquaredDistribution.of(n - 1).survivalProbability(chi2);
    assertThat(p).as("chi-square %.1f over %d positions", chi2, n).isGreaterThan(0.001);
    // The first and the last shard are not favoured: each third of the positions gets about a
    // third.
    long firstShard = 0;
    for (int i = 0; i < 10; i++) {
      firstShard += hits[i];
    }
    assertThat((double) firstShard / (seeds * k)).isBetween(0.2, 0.3);
  }

  @Test
  void sameSeedSameSampleWhateverTheShardSplitAndOrderKept() throws Exception {
    List<String> all = records(300);
    Path one = TestData.lines(temp.resolve("one.jsonl"), all);
    Path split = temp.resolve("split");
    TestData.lines(split.resolve("p-0.jsonl"), all.subList(0, 7));
    TestData.gzip(split.resolve("p-1.jsonl.gz"), all.subList(7, 200));
    TestData.parquet(
        TestData.lines(temp.resolve("tail.jsonl"), all.subList(200, 300)),
        split.resolve("p-2.parquet"));

    CorpusReader.Side fromOne = Reading.read(DatasetInput.of(one), 50, 9);
    CorpusReader.Side fromShards = Reading.read(DatasetInput.of(split), 50, 9);
    CorpusReader.Side otherSeed = Reading.read(DatasetInput.of(one), 50, 10);

    assertThat(Reading.texts(fromShards)).isEqualTo(Reading.texts(fromOne)).hasSize(50);
    assertThat(Reading.texts(otherSeed)).isNotEqualTo(Reading.texts(fromOne));
    assertThat(fromOne.sampled()).isTrue();
    List<Integer> positions =
        fromOne.tested().stream()
            .map(r -> Integer.parseInt(r.prompt().substring("record ".length())))
            .toList();
    assertThat(positions).isSorted();
    assertThat(fromOne.records()).isEqualTo(300);
  }

  @Test
  void reportSaysWhichRecordsTheTestsSawAndSameSeedGivesSameBytes() throws Exception {
    List<String> suspect = records(400);
    List<String> reference = new ArrayList<>();
    List<String> answers = TestData.answers(400, 12, false);
    for (int i = 0; i < 400; i++) {
      reference.add(TestData.completion("record " + i, answers.get(i)));
    }
    Path s = TestData.lines(temp.resolve("s.jsonl"), suspect);
    Path r = TestData.lines(temp.resolve("r.jsonl"), reference);
    DetectionRequest request =
        DetectionRequest.defaults(s, r)
            .withPermutations(19)
            .withInput(InputOptions.DEFAULTS.withSampleSize(150));
    ObjectMapper json = new ObjectMapper();

    DetectionReport report = Detection.run(request, null);
    String first = json.writeValueAsString(report);
    String second = json.writeValueAsString(Detection.run(request, null));

    assertThat(first).isEqualTo(second);
    assertThat(report.input().tests()).isEqualTo(InputReport.UNIFORM_SAMPLE);
    assertThat(report.input().reading()).isEqualTo(InputReport.ALL);
    assertThat(report.input().suspect().records()).isEqualTo(400);
    assertThat(report.input().suspect().tested()).isEqualTo(150);
    assertThat(report.records().suspect()).isEqualTo(400);
    assertThat(report.format().suspect().records()).isEqualTo(400);
    assertThat(report.notes())
        .anyMatch(
            n ->
                n.code().equals(Note.SAMPLED)
                    && n.values().get("seed").equals(1L)
                    && n.values().get("suspectTested").equals(150)
                    && n.values().get("suspectRecords").equals(400L));

    DetectionReport firstN = Detection.run(request.withMaxRecords(100), null);
    assertThat(firstN.input().reading()).isEqualTo(InputReport.FIRST_N);
    assertThat(firstN.input().tests()).isEqualTo(InputReport.ALL);
    assertThat(firstN.records().suspect()).isEqualTo(100);
    assertThat(firstN.notes())
        .anyMatch(
            n ->
                n.code().equals(Note.FIRST_RECORDS_ONLY)
                    && n.values().get("maxRecords").equals(100));

    DetectionReport all = Detection.run(request.withInput(InputOptions.DEFAULTS), null);
    assertThat(all.input().tests()).isEqualTo(InputReport.ALL);
    assertThat(all.notes()).noneMatch(n -> n.code().equals(Note.SAMPLED));
  }
}
