package dev.heredity.detectors.input;

import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.InvalidInputException.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * One Parquet file, read through DuckDB's embedded engine: only the columns the layout needs are
 * read, through a forward-only, streamed result set. For the known layouts DuckDB extracts the text
 * and the prompt itself ({@link ParquetExtraction}) and rows come back as parsed records; columns
 * of other types come back as one JSON object per row, parsed by the same {@link RecordParser} as
 * JSONL.
 */
final class ParquetSource implements RecordSource {
  static final int FETCH_SIZE = 2048;

  /** Native memory DuckDB may use for one scan; it streams row groups, so this is ample. */
  static final String MEMORY_LIMIT = "512MB";

  /**
   * DuckDB's threads: half the cores (at most 4), the other half left to the workers that tally the
   * records already fetched. The calling thread also runs DuckDB's pipeline while it fetches, and
   * each extra thread costs CPU (measured: 1 thread ~10 % less CPU than 2, 4 threads ~40 % more on
   * 2 cores), so on 2 cores one thread decodes and extracts while the other core runs the full
   * pass.
   */
  static final int THREADS =
      Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors() / 2));

  private final Path file;
  private final long size;
  private final long rows;
  private final Connection connection;
  private final Statement statement;
  private final ResultSet results;
  private final RecordParser parser;
  private final ParquetExtraction.Plan plan;
  private int row;

  ParquetSource(Path file, InputFormat format, String field, String promptField) {
    DatasetPaths.requireReadable(file);
    this.file = file;
    try {
      this.size = Files.size(file);
      Properties properties = new Properties();
      properties.setProperty("jdbc_stream_results", "true");
      // Parquet support is built into the driver; never download extensions at run time.
      properties.setProperty("autoinstall_known_extensions", "false");
      this.connection = DriverManager.getConnection("jdbc:duckdb:", properties);
    } catch (Exception e) {
      throw new InvalidInputException(
          file + ": cannot start the Parquet reader: " + e.getMessage(), e);
    }
    try {
      try (Statement setup = connection.createStatement()) {
        setup.execute("SET memory_limit = '" + MEMORY_LIMIT + "'");
        setup.execute("SET preserve_insertion_order = true");
        setup.execute("SET threads = " + THREADS);
      }
      String source = "read_parquet(" + literal(file.toAbsolutePath().toString()) + ")";
      List<String> columns = columns(source);
      InputFormat layout =
          format != null ? format : LayoutDetector.detect(file.toString(), columns, field);
      if (layout == InputFormat.LINES || layout == InputFormat.CSV) {
        throw new InvalidInputException(
            Problem.UNKNOWN_LAYOUT,
            file + ": a Parquet file cannot be read as " + layout.id(),
            LayoutDetector.expectedKeys(),
            null);
      }
      Set<String> needed = new LinkedHashSet<>();
      if (field != null) {
        needed.add(column(columns, RecordParser.topLevel(field), "text"));
      } else {
        for (String key : layout.keys()) {
          needed.add(column(columns, key, "layout " + layout.id()));
        }
      }
      if (promptField != null) {
        needed.add(column(columns, RecordParser.topLevel(promptField), "prompt"));
      } else {
        // With a named text field the layout still supplies the prompt, as for JSONL.
        for (String optional : promptColumns(layout)) {
          if (columns.contains(optional)) {
            needed.add(optional);
          }
        }
      }
      this.parser = new RecordParser(layout, field, promptField);
      this.rows = count(source);
      this.statement =
          connection.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(FETCH_SIZE);
      this.plan =
          new ParquetExtraction(connection, source, List.copyOf(needed))
              .plan(layout, field, promptField);
      this.results = statement.executeQuery(plan.query());
    } catch (SQLException e) {
      close();
      throw error(e);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static List<String> promptColumns(InputFormat layout) {
    return switch (layout) {
      case CHAT -> List.of("messages");
      case SHAREGPT -> List.of("conversations");
      case ALPACA -> List.of("instruction", "input");
      case PROMPT_COMPLETION, TEXT -> List.of("prompt");
      default -> List.of();
    };
  }

  private String column(List<String> columns, String name, String role) {
    LayoutDetector.requireColumn(file.toString(), columns, name, role);
    return name;
  }

  private List<String> columns(String source) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Statement describe = connection.createStatement();
        ResultSet rs = describe.executeQuery("DESCRIBE SELECT * FROM " + source)) {
      while (rs.next()) {
        columns.add(rs.getString(1));
      }
    }
    return columns;
  }

  private long count(String source) throws SQLException {
    try (Statement count = connection.createStatement();
        ResultSet rs = count.executeQuery("SELECT count(*) FROM " + source)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  @Override
  public RawRecord next() {
    try {
      if (!results.next()) {
        return null;
      }
      row++;
      if (!plan.inSql()) {
        return unparsed(results.getString(1));
      }
      String text = utf8(ParquetExtraction.TEXT);
      if (text == null) {
        return unparsed(results.getString(ParquetExtraction.JSON));
      }
      String prompt = utf8(ParquetExtraction.PROMPT);
      if (plan.promptShape() == ParquetExtraction.PromptShape.ALPACA) {
        prompt = alpacaPrompt(prompt, utf8(ParquetExtraction.PROMPT_INPUT));
      }
      return RawRecord.parsed(new TextRecord(row, prompt, text));
    } catch (SQLException e) {
      throw new InvalidInputException(
          Problem.TRUNCATED,
          file + ": row " + (row + 1) + ": cannot read the " + "Parquet data: " + firstLine(e),
          List.of(),
          e);
    }
  }

  private String utf8(int column) throws SQLException {
    byte[] bytes = results.getBytes(column);
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }

  private RawRecord unparsed(String json) {
    return RawRecord.unparsed(row, json == null ? "null" : json);
  }

  /** As {@link RecordParser} combines them: the input after the instruction unless blank. */
  static String alpacaPrompt(String instruction, String input) {
    if (input == null || input.isBlank()) {
      return instruction;
    }
    return instruction == null ? input : instruction + "\n\n" + input;
  }

  /** True when DuckDB extracts the text itself (no JSON per row). */
  boolean extractsInSql() {
    return plan.inSql();
  }

  private InvalidInputException error(SQLException e) {
    return new InvalidInputException(
        Problem.TRUNCATED, file + ": not a readable Parquet file: " + firstLine(e), List.of(), e);
  }

  /** DuckDB's message without its error-class prefix and without the file path it repeats. */
  static String firstLine(SQLException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    int newline = message.indexOf('\n');
    message = newline >= 0 ? message.substring(0, newline) : message;
    int colon = message.indexOf(" Error: ");
    if (colon >= 0 && colon < 40) {
      message = message.substring(colon + 8);
    }
    return message.toLowerCase(Locale.ROOT).startsWith("invalid input")
        ? message.substring(13).strip()
        : message;
  }

  @Override
  public RecordParser parser() {
    return parser;
  }

  @Override
  public long oversize() {
    return 0;
  }

  @Override
  public long consumed() {
    return rows == 0 ? size : (long) ((double) row / rows * size);
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public void close() {
    for (AutoCloseable c : new AutoCloseable[] {results, statement, connection}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // input only
        }
      }
    }
  }
}
