package dev.heredity.lineage.manifest;

import com.fasterxml.jackson.core.JsonToken;

/** The kind of value a manifest key takes; checked before the key's reader runs. */
enum ValueType {
  STRING,
  ID,
  SCALAR,
  BOOLEAN,
  VERSION,
  /** A whole number from 0 to {@link Integer#MAX_VALUE}; the range is the reader's check. */
  COUNT,
  LIST,
  MAPPING,
  ID_OR_MAPPING;

  boolean accepts(JsonToken token) {
    return switch (this) {
      case STRING, ID -> token == JsonToken.VALUE_STRING;
      case SCALAR ->
          token == JsonToken.VALUE_STRING
              || token == JsonToken.VALUE_NUMBER_INT
              || token == JsonToken.VALUE_NUMBER_FLOAT;
      case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
      case VERSION, COUNT -> token == JsonToken.VALUE_NUMBER_INT;
      case LIST -> token == JsonToken.START_ARRAY;
      case MAPPING -> token == JsonToken.START_OBJECT;
      case ID_OR_MAPPING -> token == JsonToken.VALUE_STRING || token == JsonToken.START_OBJECT;
    };
  }

  /** The message for a value of the wrong kind; {@code example} shows a valid value, or is null. */
  String mismatch(String key, String example, JsonToken found) {
    String what = describe(found);
    return switch (this) {
      case STRING, ID, SCALAR ->
          "'"
              + key
              + "' must be a string, found "
              + what
              + (found != null && found.isScalarValue() ? " (quote it)" : "");
      case BOOLEAN -> "'" + key + "' must be true or false, found " + what;
      case VERSION -> "'" + key + "' must be the integer 1, found " + what;
      case COUNT ->
          "'"
              + key
              + "' must be a whole number, 0 or more, found "
              + what
              + (found == JsonToken.VALUE_STRING ? " (write it without quotes)" : "");
      case LIST -> "'" + key + "' must be a list, found " + what;
      case MAPPING, ID_OR_MAPPING ->
          "'"
              + key
              + "' must be a mapping"
              + (example == null ? "" : " (e.g. " + example + ")")
              + ", found "
              + what;
    };
  }

  static String describe(JsonToken token) {
    if (token == null) {
      return "nothing";
    }
    return switch (token) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case VALUE_EMBEDDED_OBJECT -> "binary data (!!binary)";
      default -> "an unsupported value";
    };
  }
}
