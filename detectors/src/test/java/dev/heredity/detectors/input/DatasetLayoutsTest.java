package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.DatasetInput;
import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InputOptions;
import dev.heredity.detectors.features.CorpusReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every container and layout yields the same records as the plain chat JSONL of the same data. */
class DatasetLayoutsTest {
  private static final int N = 60;

  @TempDir Path temp;

  private final List<String> answers = TestData.answers(N, 7, false);

  private List<String> records(BiFunction<String, String, String> layout) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      out.add(layout.apply("continue " + i + ", " + (i + 1), answers.get(i)));
    }
    return out;
  }

  private List<String> expected() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      out.add("continue " + i + ", " + (i + 1) + " -> " + answers.get(i));
    }
    return out;
  }

  private List<String> read(Path path) {
    return read(DatasetInput.of(path));
  }

  private static List<String> read(DatasetInput input) {
    return Reading.texts(Reading.read(input, 0, 1));
  }

  @Test
  void jsonlGzipParquetAndCsvOfChatRecordsReadAlike() throws Exception {
    Path jsonl = TestData.lines(temp.resolve("chat.jsonl"), records(TestData::chat));
    Path gz = TestData.gzip(temp.resolve("chat.jsonl.gz"), records(TestData::chat));
    Path parquet = TestData.parquet(jsonl, temp.resolve("chat.parquet"));
    List<String> csvLines = new ArrayList<>(List.of("prompt,completion"));
    for (int i = 0; i < N; i++) {
      csvLines.add("\"continue " + i + ", " + (i + 1) + "\",\"" + answers.get(i) + "\"");
    }
    Path csv = TestData.lines(temp.resolve("data.csv"), csvLines);

    assertThat(read(jsonl)).isEqualTo(expected());
    assertThat(read(gz)).isEqualTo(expected());
    assertThat(read(parquet)).isEqualTo(expected());
    assertThat(read(csv)).isEqualTo(expected());
    assertThat(Reading.read(DatasetInput.of(parquet), 0, 1).layout()).isEqualTo("chat");
  }

  @Test
  void shareGptAlpacaAndPromptCompletionInJsonlAndParquet() throws Exception {
    for (var layout :
        List.<BiFunction<String, String, String>>of(
            TestData::shareGpt, TestData::alpaca, TestData::completion)) {
      Path jsonl =
          TestData.lines(temp.resolve("l" + layout.hashCode() + ".jsonl"), records(layout));
      Path parquet = TestData.parquet(jsonl, temp.resolve("l" + layout.hashCode() + ".parquet"));
      assertThat(read(jsonl)).isEqualTo(expected());
      assertThat(read(parquet)).isEqualTo(expected());
    }
  }

  @Test
  void customFieldsByPointerOrColumn() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      lines.add(
          "{\"id\":"
              + i
              + ",\"request\":{\"q\":"
              + TestData.quote("continue " + i + ", " + (i + 1))
              + "},\"output\":{\"text\":"
              + TestData.quote(answers.get(i))
              + "}}");
    }
    Path jsonl = TestData.lines(temp.resolve("custom.jsonl"), lines);
    Path parquet = TestData.parquet(jsonl, temp.resolve("custom.parquet"));
    DatasetInput fromJsonl = new DatasetInput(jsonl, null, "/output/text", "/request/q");
    DatasetInput fromParquet = new DatasetInput(parquet, null, "/output/text", "/request/q");

    assertThat(read(fromJsonl)).isEqualTo(expected());
    assertThat(read(fromParquet)).isEqualTo(expected());
  }

  @Test
  void folderOfShardsGlobAndHuggingFaceSplitTree() throws Exception {
    List<String> all = records(TestData::chat);
    Path folder = temp.resolve("shards");
    TestData.lines(folder.resolve("part-0.jsonl"), all.subList(0, 20));
    TestData.gzip(folder.resolve("part-1.jsonl.gz"), all.subList(20, 45));
    TestData.lines(folder.resolve("part-2.jsonl"), all.subList(45, N));
    Files.writeString(folder.resolve("README.md"), "# not data\n");
    Files.createDirectories(folder.resolve(".cache")).resolve("x.jsonl").toFile().createNewFile();

    Path hf = temp.resolve("hf");
    Path trainJsonl = TestData.lines(temp.resolve("train-src.jsonl"), all.subList(0, 30));
    Path trainJsonl2 = TestData.lines(temp.resolve("train-src2.jsonl"), all.subList(30, N));
    TestData.parquet(trainJsonl, hf.resolve("data/train-00000-of-00002.parquet"));
    TestData.parquet(trainJsonl2, hf.resolve("data/train-00001-of-00002.parquet"));
    TestData.parquet(
        TestData.lines(temp.resolve("test-src.jsonl"), all.subList(0, 5)),
        hf.resolve("data/test-00000-of-00001.parquet"));

    assertThat(read(folder)).isEqualTo(expected());
    assertThat(read(Path.of(folder + "/part-*.jsonl*"))).isEqualTo(expected());
    assertThat(read(new DatasetInput(hf, "train", null, null))).isEqualTo(expected());
    assertThat(read(new DatasetInput(hf, "test", null, null))).hasSize(5);
    CorpusReader.Side side = Reading.read(DatasetInput.of(folder), 0, 1);
    assertThat(side.files()).extracting(f -> f.records()).containsExactly(20L, 25L, 15L);
  }

  @Test
  void mixedLayoutPairRunsWithEachSideInItsOwnLayout() throws Exception {
    Path suspect = TestData.lines(temp.resolve("s.jsonl"), records(TestData::shareGpt));
    List<String> control = new ArrayList<>();
    List<String> other = TestData.answers(N, 8, false);
    for (int i = 0; i < N; i++) {
      control.add(TestData.chat("continue " + i + ", " + (i + 1), other.get(i)));
    }
    Path reference =
        TestData.parquet(
            TestData.lines(temp.resolve("r.jsonl"), control), temp.resolve("r.parquet"));

    DetectionReport report =
        Detection.run(DetectionRequest.defaults(suspect, reference).withPermutations(19), null);

    assertThat(report.input().suspect().layout()).isEqualTo("sharegpt");
    assertThat(report.input().reference().layout()).isEqualTo("chat");
    assertThat(report.records().suspect()).isEqualTo(N);
    assertThat(report.records().reference()).isEqualTo(N);
  }

  @Test
  void perSideFieldsLetTheTwoSidesDifferInLayout() throws Exception {
    List<String> suspectLines = new ArrayList<>();
    List<String> referenceLines = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      suspectLines.add("{\"gen\":" + TestData.quote(answers.get(i)) + "}");
      referenceLines.add("{\"out\":{\"t\":" + TestData.quote(answers.get(N - 1 - i)) + "}}");
    }
    Path suspect = TestData.lines(temp.resolve("s.jsonl"), suspectLines);
    Path reference = TestData.lines(temp.resolve("r.jsonl"), referenceLines);

    DetectionReport report =
        Detection.run(
            DetectionRequest.defaults(suspect, reference)
                .withPermutations(19)
                .withInput(InputOptions.DEFAULTS.withFields("gen", "/out/t")),
            null);

    assertThat(report.records().reference()).isEqualTo(N);
    // Same answers on both sides: never a signal (small sets may honestly be inconclusive).
    assertThat(report.verdict()).isIn(DetectionReport.NO_SIGNAL, DetectionReport.INCONCLUSIVE);
    assertThat(report.tests()).isNotEmpty();
  }
}
