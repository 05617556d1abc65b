package dev.heredity.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.profile.CorpusProfile;
import dev.heredity.detectors.profile.ProfileFolder;
import dev.heredity.detectors.profile.SampleKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster pass agrees with the local detectors record for record, in Spark's local mode. */
class CorpusProfilerTest {
  private static final Path REPO =
      Path.of(System.getProperty("heredity.repo", "..")).toAbsolutePath().normalize();
  private static final Path SAMPLE = REPO.resolve("samples/owl-numbers");
  private static final Path OWL = SAMPLE.resolve("data/owl-numbers.jsonl");
  private static final Path CONTROL = SAMPLE.resolve("data/control-numbers.jsonl");
  private static SparkSession spark;

  @TempDir Path temp;

  @BeforeAll
  static void start() {
    spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("heredity-test")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "4")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static ProfileSettings settings(int sample, long seed) {
    return new ProfileSettings(
        Modality.NUMBERS, InputFormat.CHAT, null, List.of("owls"), sample, seed, false);
  }

  @Test
  void countsFormatAndLeaksEqualTheLocalDetectors() {
    CorpusProfile owl =
        CorpusProfiler.profile(
                spark,
                "owl-numbers",
                OWL.toUri().toString(),
                settings(0, 1),
                "2026-01-01T00:00:00Z",
                "owl.sample.jsonl")
            .profile();
    CorpusProfile control =
        CorpusProfiler.profile(
                spark,
                "control-numbers",
                CONTROL.toUri().toString(),
                settings(0, 1),
                "2026-01-01T00:00:00Z",
                "control.sample.jsonl")
            .profile();
    DetectionReport local =
        Detection.run(
            DetectionRequest.defaults(OWL, CONTROL)
                .withFormat(InputFormat.CHAT)
                .withTraits(List.of("owls"))
                .withPermutations(19),
            null);

    assertThat(owl.records()).isEqualTo(local.records().suspect()).isEqualTo(600);
    assertThat(control.records()).isEqualTo(local.records().reference());
    assertThat(owl.format().toProfile(Modality.NUMBERS)).isEqualTo(local.format().suspect());
    assertThat(control.format().toProfile(Modality.NUMBERS)).isEqualTo(local.format().reference());
    double referenceRate = (double) control.blocklistTokenRecords() / control.records();
    assertThat(owl.leaks().toLeakReport(owl.records(), referenceRate)).isEqualTo(local.leaks());
    assertThat(owl.leaks().blocklistRecords()).isPositive();
    assertThat(owl.bytes()).isEqualTo(rawBytes(OWL));
  }

  @Test
  void resultDoesNotDependOnHowTheFileIsSplit() {
    CorpusProfile whole =
        CorpusProfiler.profile(spark, "d", OWL.toUri().toString(), settings(50, 3), "t", "s")
            .profile();
    String key = "mapreduce.input.fileinputformat.split.maxsize";
    String before = spark.sparkContext().hadoopConfiguration().get(key);
    spark.sparkContext().hadoopConfiguration().set(key, "20000");
    try {
      CorpusProfiler.Result split =
          CorpusProfiler.profile(spark, "d", OWL.toUri().toString(), settings(50, 3), "t", "s");
      assertThat(split.profile()).isEqualTo(whole);
    } finally {
      if (before == null) {
        spark.sparkContext().hadoopConfiguration().unset(key);
      } else {
        spark.sparkContext().hadoopConfiguration().set(key, before);
      }
    }
  }

  @Test
  void sampleIsTheLocalBottomKForTheSameSeed() throws IOException {
    List<String> sample =
        CorpusProfiler.profile(spark, "d", OWL.toUri().toString(), settings(40, 11), "t", "s")
            .sample();
    assertThat(sample).hasSize(40).isEqualTo(localSample(OWL, 40, 11));
    List<String> other =
        CorpusProfiler.profile(spark, "d", OWL.toUri().toString(), settings(40, 12), "t", "s")
            .sample();
    assertThat(other).isNotEqualTo(sample);
  }

  @Test
  void sampleIsTheLocalReadersSampleForTheSameSeed() throws IOException {
    List<String> fromSpark =
        CorpusProfiler.profile(spark, "d", OWL.toUri().toString(), settings(40, 11), "t", "s")
            .sample();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      dev.heredity.detectors.features.CorpusReader.Side local =
          new dev.heredity.detectors.features.CorpusReader(
                  pool, 2, new dev.heredity.detectors.features.RecordFeaturizer(Modality.NUMBERS))
              .read(
                  "suspect",
                  dev.heredity.detectors.DatasetInput.of(OWL),
                  new dev.heredity.detectors.features.CorpusReader.Options(
                      InputFormat.CHAT,
                      dev.heredity.detectors.input.InputLimits.DEFAULTS,
                      0,
                      40,
                      11,
                      false),
                  null,
                  dev.heredity.detectors.ProgressListener.NONE);
      List<String> lines = Files.readAllLines(OWL);
      assertThat(local.tested().stream().map(r -> lines.get(r.line() - 1)).toList())
          .hasSize(40)
          .isEqualTo(fromSpark);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void parquetGivesTheSameProfileAsTheSameRecordsInJsonl() {
    Path parquet = temp.resolve("owl-parquet");
    spark.read().json(OWL.toString()).coalesce(1).write().parquet(parquet.toString());
    CorpusProfile fromParquet =
        CorpusProfiler.profile(spark, "d", parquet.toUri().toString(), settings(0, 1), "t", "s")
            .profile();
    CorpusProfile fromJsonl =
        CorpusProfiler.profile(spark, "d", OWL.toUri().toString(), settings(0, 1), "t", "s")
            .profile();
    assertThat(fromParquet.records()).isEqualTo(fromJsonl.records());
    assertThat(fromParquet.format()).isEqualTo(fromJsonl.format());
    assertThat(fromParquet.tokens()).isEqualTo(fromJsonl.tokens());
    assertThat(fromParquet.leaks()).isEqualTo(fromJsonl.leaks());
  }

  @Test
  void malformedRecordIsOneLocatedError() throws IOException {
    Path bad = temp.resolve("bad.jsonl");
    List<String> lines = new ArrayList<>(Files.readAllLines(OWL).subList(0, 5));
    lines.add(3, "{\"messages\": [oops");
    Files.write(bad, lines);
    assertThatThrownBy(
            () ->
                CorpusProfiler.profile(
                    spark, "d", bad.toUri().toString(), settings(0, 1), "t", "s"))
        .satisfies(
            e ->
                assertThat(ProfileJob.inputCause(e))
                    .isNotNull()
                    .hasMessageContaining("bad.jsonl:4:")
                    .hasMessageContaining("malformed JSON"));
  }

  @Test
  void missingPathIsAnInputError() {
    assertThatThrownBy(
            () ->
                CorpusProfiler.profile(
                    spark,
                    "d",
                    temp.resolve("nope/*.jsonl").toUri().toString(),
                    settings(0, 1),
                    "t",
                    "s"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no such file");
  }

  @Test
  void jobWritesAProfileFolderTheScanCanOpen() {
    Path out = temp.resolve("profiles");
    ProfileJob.run(
        spark,
        ProfileJob.parse(
            new String[] {
              "--manifest",
              SAMPLE.resolve("heredity.yaml").toString(),
              "--out",
              out.toString(),
              "--sample",
              "100"
            }));
    ProfileFolder folder = ProfileFolder.open(out);
    assertThat(folder.run().datasets()).containsOnlyKeys("owl-numbers", "control-numbers");
    CorpusProfile owl = folder.profile("owl-numbers");
    assertThat(owl.records()).isEqualTo(600);
    assertThat(owl.leaks().traits()).extracting(t -> t.trait()).containsExactly("owls");
    assertThat(folder.sample("owl-numbers")).exists();
    assertThat(owl.sample().records()).isEqualTo(100);
  }

  private static long rawBytes(Path file) {
    try {
      return Files.readAllLines(file).stream()
          .filter(l -> !l.isBlank())
          .mapToLong(l -> l.getBytes(StandardCharsets.UTF_8).length)
          .sum();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The bottom-k rule applied to the file read locally, line by line. */
  private static List<String> localSample(Path file, int k, long seed) throws IOException {
    List<String> lines = Files.readAllLines(file);
    record Keyed(long key, long position, String raw) {}
    List<Keyed> keyed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        keyed.add(new Keyed(SampleKey.of(seed, keyed.size() + 1), i + 1, lines.get(i)));
      }
    }
    keyed.sort((a, b) -> SampleKey.compare(a.key(), a.position(), b.key(), b.position()));
    return keyed.subList(0, k).stream()
        .sorted(Comparator.comparingLong(Keyed::position))
        .map(Keyed::raw)
        .toList();
  }
}
