package dev.heredity.detectors.input;

import com.fasterxml.jackson.core.JsonPointer;
import dev.heredity.detectors.InputFormat;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL that reads one Parquet file's records: when every column the layout needs is a string (or
 * a list of structs of strings, such as chat {@code messages}), DuckDB extracts the generated text
 * and the prompt parts itself and returns them as UTF-8 bytes (decoding them in Java costs a third
 * less CPU than the driver's strings), so nothing is parsed in Java. A row DuckDB cannot extract
 * (no assistant turn, a missing text) also comes back as JSON, so {@link RecordParser} words its
 * error exactly as for JSONL. Any other column type falls back to one JSON object per row, parsed
 * like a JSONL line.
 *
 * <p>The rules mirror {@link RecordParser}: the assistant turns joined by a newline (a null content
 * as empty), the last user turn as the prompt, Alpaca's instruction and input combined in Java.
 */
final class ParquetExtraction {
  /** Column indices of the fast query's result. */
  static final int TEXT = 1;

  static final int PROMPT = 2;
  static final int PROMPT_INPUT = 3;
  static final int JSON = 4;

  private static final String VARCHAR = "VARCHAR";
  private static final String NULL = "NULL::VARCHAR";
  private static final String ASSISTANT = "('assistant', 'gpt', 'model', 'bot', 'chatgpt')";
  private static final String USER = "('user', 'human')";

  /** How the prompt is put together from the result's prompt columns. */
  enum PromptShape {
    /** Column {@link #PROMPT} as is (null when the layout has none). */
    SINGLE,
    /** Alpaca: instruction ({@link #PROMPT}) and input ({@link #PROMPT_INPUT}). */
    ALPACA
  }

  /**
   * @param query the SQL to run
   * @param inSql true when the query returns extracted strings, false for one JSON object per row
   */
  record Plan(String query, boolean inSql, PromptShape promptShape) {}

  private final Connection connection;
  private final String source;
  private final List<String> selected;

  /**
   * @param source the {@code read_parquet(...)} table expression
   * @param selected the columns the layout needs, in the order today's JSON rows list them
   */
  ParquetExtraction(Connection connection, String source, List<String> selected) {
    this.connection = connection;
    this.source = source;
    this.selected = List.copyOf(selected);
  }

  Plan plan(InputFormat layout, String field, String promptField) throws SQLException {
    String text = field != null ? path(field) : layoutText(layout);
    List<String> prompt = promptField != null ? single(path(promptField)) : layoutPrompt(layout);
    boolean alpaca = promptField == null && layout == InputFormat.ALPACA;
    if (text == null || prompt == null) {
      return new Plan(
          "SELECT to_json(r)::VARCHAR FROM (SELECT " + columns() + " FROM " + source + ") r",
          false,
          PromptShape.SINGLE);
    }
    String first = prompt.isEmpty() ? NULL : prompt.get(0);
    String second = prompt.size() > 1 ? prompt.get(1) : NULL;
    String inner =
        "SELECT "
            + columns()
            + ", "
            + text
            + " AS __heredity_text, "
            + first
            + " AS __heredity_prompt, "
            + second
            + " AS __heredity_input FROM "
            + source;
    String json = "to_json(struct_pack(" + packed() + "))::VARCHAR";
    return new Plan(
        "SELECT encode(__heredity_text), encode(__heredity_prompt), encode(__heredity_input), CASE WHEN"
            + " __heredity_text IS NULL THEN "
            + json
            + " END FROM ("
            + inner
            + ")",
        true,
        alpaca ? PromptShape.ALPACA : PromptShape.SINGLE);
  }

  private static List<String> single(String expression) {
    return expression == null ? null : List.of(expression);
  }

  /** The text expression of a layout, or null when a column is not of a type read here. */
  private String layoutText(InputFormat layout) throws SQLException {
    return switch (layout) {
      case CHAT -> assistantTurns("messages", "role", "content");
      case SHAREGPT -> assistantTurns("conversations", "from", "value");
      case ALPACA -> string("output");
      case PROMPT_COMPLETION -> string("completion");
      case TEXT -> string("text");
      default -> null;
    };
  }

  /**
   * The prompt expressions of a layout, empty when it has none here, null when a column is not of a
   * type read here. A prompt column absent from the file reads as null, as a missing JSON key.
   */
  private List<String> layoutPrompt(InputFormat layout) throws SQLException {
    return switch (layout) {
      case CHAT -> optional("messages", () -> lastUserTurn("messages", "role", "content"));
      case SHAREGPT ->
          optional("conversations", () -> lastUserTurn("conversations", "from", "value"));
      case ALPACA -> {
        String instruction = selected.contains("instruction") ? string("instruction") : NULL;
        String input = selected.contains("input") ? string("input") : NULL;
        yield instruction == null || input == null ? null : List.of(instruction, input);
      }
      default -> optional("prompt", () -> string("prompt"));
    };
  }

  private interface Expression {
    String get() throws SQLException;
  }

  private List<String> optional(String column, Expression expression) throws SQLException {
    if (!selected.contains(column)) {
      return List.of();
    }
    return single(expression.get());
  }

  private String string(String column) throws SQLException {
    String expression = ParquetSource.identifier(column);
    return VARCHAR.equals(type(expression)) ? expression : null;
  }

  /** A list of structs whose speaker and content are strings. */
  private boolean turnList(String list, String speaker, String content) throws SQLException {
    String column = ParquetSource.identifier(list);
    String listType = type(column);
    if (listType == null || !listType.startsWith("STRUCT(") || !listType.endsWith("[]")) {
      return false;
    }
    Map<String, String> fields = fields(column + "[1]");
    return VARCHAR.equals(fields.get(speaker)) && VARCHAR.equals(fields.get(content));
  }

  private String assistantTurns(String list, String speaker, String content) throws SQLException {
    if (!turnList(list, speaker, content)) {
      return null;
    }
    String turns = turns(list, speaker, ASSISTANT);
    return "CASE WHEN len("
        + turns
        + ") > 0 THEN array_to_string(list_transform("
        + turns
        + ", lambda t: coalesce(struct_extract(t, '"
        + content
        + "'), '')), chr(10)) END";
  }

  private String lastUserTurn(String list, String speaker, String content) throws SQLException {
    if (!turnList(list, speaker, content)) {
      return null;
    }
    return "struct_extract(list_extract("
        + turns(list, speaker, USER)
        + ", -1), '"
        + content
        + "')";
  }

  private static String turns(String list, String speaker, String speakers) {
    return "list_filter("
        + ParquetSource.identifier(list)
        + ", lambda t: struct_extract(t, '"
        + speaker
        + "') IN "
        + speakers
        + ")";
  }

  /**
   * A JSON pointer (or column name) as struct fields and list indices down to a string, or null
   * when the path crosses another type.
   */
  private String path(String field) throws SQLException {
    JsonPointer pointer = RecordParser.pointer(field);
    String expression = ParquetSource.identifier(pointer.getMatchingProperty());
    for (JsonPointer rest = pointer.tail(); rest != null && !rest.matches(); rest = rest.tail()) {
      String type = type(expression);
      if (type == null) {
        return null;
      } else if (type.endsWith("[]")) {
        if (rest.getMatchingIndex() < 0) {
          return null;
        }
        expression = "list_extract(" + expression + ", " + (rest.getMatchingIndex() + 1L) + ")";
      } else if (type.startsWith("STRUCT(")
          && fields(expression).containsKey(rest.getMatchingProperty())) {
        expression =
            "struct_extract("
                + expression
                + ", "
                + ParquetSource.literal(rest.getMatchingProperty())
                + ")";
      } else {
        return null;
      }
    }
    return VARCHAR.equals(type(expression)) ? expression : null;
  }

  /** The DuckDB type of an expression over the file, or null if it does not bind. */
  private String type(String expression) throws SQLException {
    try (Statement describe = connection.createStatement();
        ResultSet rs = describe.executeQuery("DESCRIBE SELECT " + expression + " FROM " + source)) {
      return rs.next() ? rs.getString(2) : null;
    } catch (SQLException e) {
      if (isBinderError(e)) {
        return null;
      }
      throw e;
    }
  }

  /**
   * The fields of a struct expression by their exact names. DuckDB matches struct fields ignoring
   * case, JSON does not, so a field is used only when its exact name is there.
   */
  private Map<String, String> fields(String struct) throws SQLException {
    Map<String, String> fields = new HashMap<>();
    try (Statement describe = connection.createStatement();
        ResultSet rs =
            describe.executeQuery("DESCRIBE SELECT unnest(" + struct + ") FROM " + source)) {
      while (rs.next()) {
        fields.put(rs.getString(1), rs.getString(2));
      }
    } catch (SQLException e) {
      if (!isBinderError(e)) {
        throw e;
      }
    }
    return fields;
  }

  private static final Set<String> BINDING = Set.of("Binder Error", "Catalog Error");

  private static boolean isBinderError(SQLException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return BINDING.stream().anyMatch(message::contains);
  }

  private String columns() {
    List<String> quoted = new ArrayList<>();
    for (String column : selected) {
      quoted.add(ParquetSource.identifier(column));
    }
    return String.join(", ", quoted);
  }

  /** {@code "a" := "a", ...}: the row as today's JSON fallback shows it. */
  private String packed() {
    List<String> pairs = new ArrayList<>();
    for (String column : selected) {
      pairs.add(ParquetSource.identifier(column) + " := " + ParquetSource.identifier(column));
    }
    return String.join(", ", pairs);
  }
}
