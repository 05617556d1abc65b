package dev.heredity.detectors.input;

import dev.heredity.detectors.InputFormat;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.InvalidInputException.Problem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Recognises the layout of a dataset from the keys of its first record (JSON) or its columns
 * (Parquet): chat {@code messages}, ShareGPT {@code conversations}, Alpaca {@code
 * instruction}+{@code output}, {@code completion}, {@code text}. With a named field any record is
 * readable: the layout then only supplies the prompt. Anything else is an {@link
 * InvalidInputException} naming the file, what was found and the keys expected.
 */
public final class LayoutDetector {
  private LayoutDetector() {}

  /**
   * @param where {@code file:line} or {@code file} for the message
   * @param keys the record's top-level keys or the file's columns
   * @param field named text field, or null
   */
  public static InputFormat detect(String where, Collection<String> keys, String field) {
    for (InputFormat layout : InputFormat.jsonLayouts()) {
      if (keys.containsAll(layout.keys())) {
        return layout;
      }
    }
    if (field != null) {
      return InputFormat.TEXT;
    }
    throw unknown(where, keys);
  }

  static InvalidInputException unknown(String where, Collection<String> keys) {
    List<String> expected = expectedKeys();
    return new InvalidInputException(
        Problem.UNKNOWN_LAYOUT,
        where
            + ": no known record layout: found keys "
            + shown(keys)
            + "; expected "
            + String.join(", ", expected)
            + ", or a named text field",
        expected,
        null);
  }

  /** {@code messages (chat)}, {@code conversations (sharegpt)}, ... */
  public static List<String> expectedKeys() {
    List<String> expected = new ArrayList<>();
    for (InputFormat layout : InputFormat.jsonLayouts()) {
      expected.add(String.join("+", layout.keys()) + " (" + layout.id() + ")");
    }
    return expected;
  }

  static String shown(Collection<String> keys) {
    List<String> list = keys.stream().limit(10).toList();
    return "[" + String.join(", ", list) + (keys.size() > list.size() ? ", ..." : "") + "]";
  }

  /** Checks that a Parquet file or CSV header has the named column. */
  public static void requireColumn(
      String where, Collection<String> columns, String column, String role) {
    if (!columns.contains(column)) {
      throw new InvalidInputException(
          Problem.MISSING_FIELD,
          where + ": no column '" + column + "' for the " + role + "; columns: " + shown(columns),
          List.copyOf(columns),
          null);
    }
  }
}
