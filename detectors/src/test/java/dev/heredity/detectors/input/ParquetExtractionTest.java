package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.input.RecordSource.RawRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
  }

  /**
   * Writes the lines as JSONL and as Parquet and asserts that both give the same records (or both a
   * malformed record at the same row), and whether DuckDB extracted them in SQL.
   */
  private void same(String name, String field, String prompt, boolean inSql, String... lines)
      throws Exception {
    Path jsonl = TestData.lines(temp.resolve(name + ".jsonl"), List.of(lines));
    Path parquet = TestData.parquet(jsonl, temp.resolve(name + ".parquet"));

    List<String> fromJsonl = records(jsonl, field, prompt, null);
    boolean[] extracted = new boolean[1];
    List<String> fromParquet = records(parquet, field, prompt, extracted);

    assertThat(fromParquet).hasSize(lines.length).isEqualTo(fromJsonl);
    assertThat(extracted[0]).as("extracted in SQL").isEqualTo(inSql);
  }

  private static List<String> records(Path file, String field, String prompt, boolean[] inSql) {
    List<String> out = new ArrayList<>();
    try (RecordSource source =
        RecordSources.open(file, null, field, prompt, InputLimits.DEFAULTS)) {
      if (inSql != null) {
        inSql[0] = ((ParquetSource) source).extractsInSql();
      }
      for (RawRecord raw = source.next(); raw != null; raw = source.next()) {
        TextRecord record;
        try {
          record =
              raw.parsed() != null ? raw.parsed() : source.parser().parse(raw.line(), raw.raw());
        } catch (MalformedRecordException e) {
          out.add(raw.line() + ": malformed");
          continue;
        }
        out.add(record.line() + ": " + record.prompt() + " -> " + record.text());
      }
    }
    return out;
  }
}
