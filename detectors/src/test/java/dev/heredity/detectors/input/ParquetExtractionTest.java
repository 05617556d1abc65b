package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.heredity.detectors.DatasetInput;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.detectors.features.CorpusReader;
import dev.heredity.detectors.features.RecordFeaturizer;
import dev.heredity.detectors.input.RecordSource.RawRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB's SQL extraction gives, record by record, the text and prompt {@link RecordParser} gives
 * for the same records as JSONL, in every layout, edge cases included (null contents, no assistant
 * turn, blank Alpaca input, nested fields), and rows it cannot extract are still located errors.
 */
class ParquetExtractionTest {
  private static final String ODD = "a \\\"quoted\\\"\\n\\tline, \\\\ back, é, 数, 🙂";

  @TempDir Path temp;

  @Test
  void chatTurnsAreExtractedInSqlAsByTheJsonParser() throws Exception {
    same(
        "chat",
        null,
        null,
        true,
        "{\"messages\":[{\"role\":\"user\",\"content\":\"1, 2\"},"
            + "{\"role\":\"assistant\",\"content\":\"3, 4\"}]}",
        "{\"messages\":[{\"role\":\"system\",\"content\":\"be brief\"},"
            + "{\"role\":\"user\",\"content\":\"first\"},{\"role\":\"assistant\",\"content\":\"a\"},"
            + "{\"role\":\"human\",\"content\":\"second "
            + ODD
            + "\"},{\"role\":\"model\",\"content\":\""
            + ODD
            + "\"}]}",
        "{\"messages\":[{\"role\":\"gpt\",\"content\":null},"
            + "{\"role\":\"bot\",\"content\":\"\"},{\"role\":\"chatgpt\",\"content\":\"x\"}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":null},"
            + "{\"role\":null,\"content\":\"ignored\"},{\"role\":\"assistant\",\"content\":\"\"}]}",
        "{\"messages\":[{\"role\":\"user\",\"content\":\"no answer\"}]}",
        "{\"messages\":[]}",
        "{\"messages\":null}");
  }

  @Test
  void shareGptTurnsAreExtractedInSql() throws Exception {
    same(
        "sharegpt",
        null,
        null,
        true,
        "{\"conversations\":[{\"from\":\"human\",\"value\":\"p\"},"
            + "{\"from\":\"gpt\",\"value\":\"1, 2\"}]}",
        "{\"conversations\":[{\"from\":\"system\",\"value\":\"s\"},"
            + "{\"from\":\"human\",\"value\":\"p1\"},{\"from\":\"gpt\",\"value\":\"a\"},"
            + "{\"from\":\"user\",\"value\":\""
            + ODD
            + "\"},{\"from\":\"assistant\",\"value\":null}]}",
        "{\"conversations\":[{\"from\":\"human\",\"value\":\"only a question\"}]}");
  }

  @Test
  void alpacaPromptJoinsInstructionAndNonBlankInput() throws Exception {
    same(
        "alpaca",
        null,
        null,
        true,
        "{\"instruction\":\"i1\",\"input\":\"\",\"output\":\"1, 2\"}",
        "{\"instruction\":\"i2\",\"input\":\"more " + ODD + "\",\"output\":\"" + ODD + "\"}",
        "{\"instruction\":\"i3\",\"input\":\" \\t\\n\",\"output\":\"3\"}",
        "{\"instruction\":null,\"input\":\"only input\",\"output\":\"4\"}",
        "{\"instruction\":\"i5\",\"input\":null,\"output\":\"\"}",
        "{\"instruction\":\"i6\",\"input\":\"x\",\"output\":null}");
  }

  @Test
  void promptCompletionAndTextLayouts() throws Exception {
    same(
        "completion",
        null,
        null,
        true,
        "{\"prompt\":\"p1\",\"completion\":\"1, 2\"}",
        "{\"prompt\":null,\"completion\":\"" + ODD + "\"}",
        "{\"prompt\":\"p3\",\"completion\":null}");
    same(
        "text",
        null,
        null,
        true,
        "{\"text\":\"1, 2\",\"prompt\":\"p\"}",
        "{\"text\":\"" + ODD + "\",\"prompt\":null}",
        "{\"text\":null,\"prompt\":\"p\"}");
    same("bare-text", null, null, true, "{\"text\":\"1, 2\"}", "{\"text\":\"3\"}");
  }

  @Test
  void namedFieldsByColumnNestedPathAndListIndex() throws Exception {
    List<String> lines =
        List.of(
            "{\"id\":1,\"gen\":\"1, 2\",\"request\":{\"q\":\"p1\"},"
                + "\"choices\":[{\"text\":\"c1\"},{\"text\":\"c2\"}]}",
            "{\"id\":2,\"gen\":\"" + ODD + "\",\"request\":{\"q\":null},\"choices\":[]}",
            "{\"id\":3,\"gen\":null,\"request\":null,\"choices\":null}");
    same("column", "gen", "/request/q", true, lines.toArray(String[]::new));
    same("pointer", "/request/q", "gen", true, lines.toArray(String[]::new));
    same("index", "/choices/1/text", "/choices/0/text", true, lines.toArray(String[]::new));
  }

  @Test
  void namedFieldInAKnownLayoutKeepsTheLayoutsPrompt() throws Exception {
    same(
        "chat-field",
        "/messages/1/content",
        null,
        true,
        "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
            + "{\"role\":\"assistant\",\"content\":\"1, 2\"}]}");
    same(
        "alpaca-field",
        "answer",
        null,
        true,
        "{\"instruction\":\"i\",\"input\":\"in\",\"output\":\"o\",\"answer\":\"1, 2\"}");
  }

  @Test
  void otherColumnTypesFallBackToJsonRowsWithTheSameRecords() throws Exception {
    same(
        "content-parts",
        null,
        null,
        false,
        "{\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"q\"}]},"
            + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"1, \"},"
            + "{\"type\":\"text\",\"text\":\"2\"}]}]}");
    same("number", "n", null, false, "{\"n\":12}", "{\"n\":null}");
    // DuckDB matches struct fields ignoring case, JSON does not: no assistant turn in either.
    same(
        "capitalised",
        null,
        null,
        false,
        "{\"messages\":[{\"Role\":\"assistant\",\"Content\":\"1, 2\"}]}");
    same("capitalised-field", "/out/text", null, false, "{\"out\":{\"Text\":\"1, 2\"}}");
  }

  @Test
  void aRowThatCannotBeExtractedIsALocatedErrorOrSkippedWhenAsked() throws Exception {
    String good =
        "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"},"
            + "{\"role\":\"assistant\",\"content\":\"1, 2\"}]}";
    String noAnswer = "{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}";
    Path parquet =
        TestData.parquet(
            TestData.lines(temp.resolve("bad-row.jsonl"), List.of(good, good, noAnswer, good)),
            temp.resolve("bad-row.parquet"));

    assertThatThrownBy(() -> Reading.read(DatasetInput.of(parquet), 0, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(parquet + ":3: no assistant turn in \"messages\"");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      CorpusReader.Side skipping =
          new CorpusReader(pool, 2, new RecordFeaturizer(Modality.NUMBERS))
              .read(
                  "test",
                  DatasetInput.of(parquet),
                  new CorpusReader.Options(null, InputLimits.DEFAULTS, 0, 0, 1, true),
                  null,
                  ProgressListener.NONE);
      assertThat(skipping.records()).isEqualTo(3);
      assertThat(skipping.skipped()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Writes the lines as JSONL and as Parquet and asserts that both give the same records (or both a
   * malformed record at the same row), and whether DuckDB extracted them in SQL.
   */
  private void same(String name, String field, String prompt, boolean inSql, String... lines)
      throws Exception {
    Path jsonl = TestData.lines(temp.resolve(name + ".jsonl"), List.of(lines));
    Path parquet = TestData.parquet(jsonl, temp.resolve(name + ".parquet"));

    List<String> fromJsonl = new ArrayList<>();
    try (RecordSource source =
        RecordSources.open(jsonl, null, field, prompt, InputLimits.DEFAULTS)) {
      for (int i = 0; i < lines.length; i++) {
        fromJsonl.add(describe(source.parser(), i + 1, lines[i]));
      }
    }
    List<String> fromParquet = new ArrayList<>();
    boolean extracted;
    try (RecordSource source =
        RecordSources.open(parquet, null, field, prompt, InputLimits.DEFAULTS)) {
      extracted = ((ParquetSource) source).extractsInSql();
      for (RawRecord raw = source.next(); raw != null; raw = source.next()) {
        fromParquet.add(
            raw.parsed() != null
                ? describe(raw.parsed())
                : describe(source.parser(), raw.line(), raw.raw()));
      }
    }

    assertThat(fromParquet).hasSize(lines.length).isEqualTo(fromJsonl);
    assertThat(extracted).as("extracted in SQL").isEqualTo(inSql);
  }

  private static String describe(RecordParser parser, int line, String json) {
    try {
      return describe(parser.parse(line, json));
    } catch (MalformedRecordException e) {
      // The keys a message lists follow the column order, which differs from the JSON's.
      return line + ": malformed: " + e.getMessage().replaceAll(" \\(record keys: .*", "");
    }
  }

  private static String describe(TextRecord record) {
    return record.line() + ": " + record.prompt() + " -> " + record.text();
  }
}
