package dev.heredity.detectors.input;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.heredity.detectors.InputFormat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns one JSON record (a JSONL line or a Parquet row) or plain line into a {@link TextRecord}, in
 * a given layout, optionally with the text and the prompt at named fields. Thread-safe: workers
 * share one instance.
 */
public final class RecordParser {
  static final ObjectMapper JSON = JsonMapper.builder().build();

  static {
    JSON.getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxStringLength(InputLimits.HARD_MAX)
                .maxNestingDepth(1000)
                .build());
  }

  private static final Set<String> ASSISTANT =
      Set.of("assistant", "gpt", "model", "bot", "chatgpt");
  private static final Set<String> USER = Set.of("user", "human");

  private final InputFormat format;
  private final JsonPointer field;
  private final String fieldName;
  private final JsonPointer promptField;
  private final String promptFieldName;

  /** The fast path for the common record shape, null when the fields need the tree. */
  private final StreamingExtractor streaming;

  public RecordParser(InputFormat format, String field) {
    this(format, field, null);
  }

  /**
   * @param field JSON pointer ({@code /output/text}) or top-level name of the text, null = the
   *     layout's
   * @param promptField the same for the prompt, null = the layout's prompt
   */
  public RecordParser(InputFormat format, String field, String promptField) {
    this.format = format;
    this.fieldName = field;
    this.promptFieldName = promptField;
    boolean json = format != InputFormat.CSV && format != InputFormat.LINES;
    this.field = field == null || !json ? null : pointer(field);
    this.promptField = promptField == null || !json ? null : pointer(promptField);
    this.streaming =
        json
            ? StreamingExtractor.of(
                JSON.getFactory(), format, this.field, this.promptField, ASSISTANT, USER)
            : null;
  }

  public InputFormat format() {
    return format;
  }

  /** The field as given (JSON pointer or column), {@code null} for the layout's default. */
  public String field() {
    return fieldName;
  }

  public String promptField() {
    return promptFieldName;
  }

  /** A field given as {@code completion} is read as the pointer {@code /completion}. */
  public static JsonPointer pointer(String field) {
    try {
      return JsonPointer.compile(field.startsWith("/") ? field : "/" + field);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid JSON pointer '" + field + "': " + e.getMessage());
    }
  }

  /** The top-level key (Parquet column) a field lives in. */
  public static String topLevel(String field) {
    return pointer(field).getMatchingProperty();
  }

  public TextRecord parse(int line, String raw) throws MalformedRecordException {
    if (format == InputFormat.LINES) {
      return new TextRecord(line, null, raw);
    }
    TextRecord record = streaming == null ? null : streaming.extract(line, raw);
    return record != null ? record : parse(line, readJson(raw));
  }

  /** Parses a raw record of a {@link RecordSource} (returns a parsed one as is). */
  public TextRecord parse(RecordSource.RawRecord raw) throws MalformedRecordException {
    if (raw.parsed() != null) {
      return raw.parsed();
    }
    return raw.ascii() != null ? parse(raw.line(), raw.ascii()) : parse(raw.line(), raw.raw());
  }

  /** Parses a line of ASCII bytes: as {@link #parse(int, String)} on the same characters. */
  TextRecord parse(int line, byte[] ascii) throws MalformedRecordException {
    if (format == InputFormat.LINES) {
      return new TextRecord(line, null, new String(ascii, StandardCharsets.ISO_8859_1));
    }
    TextRecord record = streaming == null ? null : streaming.extract(line, ascii);
    return record != null
        ? record
        : parse(line, readJson(new String(ascii, StandardCharsets.ISO_8859_1)));
  }

  /** The record as the streaming path reads it, null when it leaves the record to the tree. */
  TextRecord streamed(int line, String raw) {
    return streaming == null ? null : streaming.extract(line, raw);
  }

  public TextRecord parse(int line, JsonNode node) throws MalformedRecordException {
    if (!node.isObject()) {
      throw new MalformedRecordException(1, "expected a JSON object, found " + kind(node));
    }
    String text;
    if (field != null) {
      JsonNode value = node.at(field);
      if (value.isMissingNode() || value.isNull()) {
        throw new MalformedRecordException(
            0, "no field " + field + " (record keys: " + keys(node) + ")");
      }
      text = text(value);
    } else {
      text =
          switch (format) {
            case CHAT -> turns(node, "messages", "role", "content", ASSISTANT);
            case SHAREGPT -> turns(node, "conversations", "from", "value", ASSISTANT);
            case ALPACA -> required(node, "output");
            case PROMPT_COMPLETION -> required(node, "completion");
            case TEXT -> required(node, "text");
            default -> throw new IllegalStateException("not a JSON layout: " + format);
          };
    }
    return new TextRecord(line, prompt(node), text);
  }

  private String prompt(JsonNode node) {
    if (promptField != null) {
      return text(node.at(promptField));
    }
    return switch (format) {
      case CHAT -> lastTurn(node, "messages", "role", "content");
      case SHAREGPT -> lastTurn(node, "conversations", "from", "value");
      case ALPACA -> alpacaPrompt(node);
      default -> text(node.get("prompt"));
    };
  }

  static JsonNode readJson(String raw) throws MalformedRecordException {
    try {
      return JSON.readTree(raw);
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
      throw new MalformedRecordException(column, "malformed JSON: " + e.getOriginalMessage());
    }
  }

  private static String turns(
      JsonNode node, String list, String speaker, String content, Set<String> wanted)
      throws MalformedRecordException {
    JsonNode turns = node.get(list);
    if (turns == null || !turns.isArray()) {
      throw new MalformedRecordException(
          0, "no \"" + list + "\" array (record keys: " + keys(node) + ")");
    }
    StringBuilder out = new StringBuilder();
    boolean any = false;
    for (JsonNode turn : turns) {
      if (wanted.contains(turn.path(speaker).asText())) {
        if (any) {
          out.append('\n');
        }
        any = true;
        String value = text(turn.get(content));
        out.append(value == null ? "" : value);
      }
    }
    if (!any) {
      throw new MalformedRecordException(0, "no assistant turn in \"" + list + "\"");
    }
    return out.toString();
  }

  private static String lastTurn(JsonNode node, String list, String speaker, String content) {
    String prompt = null;
    for (JsonNode turn : node.path(list)) {
      if (USER.contains(turn.path(speaker).asText())) {
        prompt = text(turn.get(content));
      }
    }
    return prompt;
  }

  private static String alpacaPrompt(JsonNode node) {
    String instruction = text(node.get("instruction"));
    String input = text(node.get("input"));
    if (input == null || input.isBlank()) {
      return instruction;
    }
    return instruction == null ? input : instruction + "\n\n" + input;
  }

  private static String required(JsonNode node, String name) throws MalformedRecordException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new MalformedRecordException(
          0, "no \"" + name + "\" field (record keys: " + keys(node) + ")");
    }
    return text(value);
  }

  /** The record's top-level keys, for error messages (at most 10). */
  static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    for (Iterator<String> names = node.fieldNames(); names.hasNext() && keys.size() < 10; ) {
      keys.add(names.next());
    }
    return keys;
  }

  static String kind(JsonNode node) {
    return node.isArray()
        ? "an array"
        : node.isTextual()
            ? "a string"
            : node.isNumber()
                ? "a number"
                : node.isBoolean() ? "a boolean" : node.isNull() ? "null" : "a value";
  }

  /** Strings as is; content-part arrays ({@code [{"type":"text","text":...}]}) concatenated. */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return null;
    }
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isArray()) {
      StringBuilder sb = new StringBuilder();
      for (JsonNode part : value) {
        sb.append(part.isTextual() ? part.textValue() : part.path("text").asText(""));
      }
      return sb.toString();
    }
    return value.toString();
  }
}
