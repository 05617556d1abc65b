package dev.heredity.lineage;

/**
 * A user value inside a one-line message: single-quoted, with line breaks, control and format
 * characters written as escapes, so an id holding a newline cannot cut the message or forge a
 * second line.
 */
public final class Quoted {
  private Quoted() {}

  public static String of(String value) {
    if (value == null) {
      return "null";
    }
    return '\'' + escape(value) + '\'';
  }

  /**
   * {@code value} with backslashes doubled and line breaks, control, format and unassigned
   * characters written as {@code \n}, {@code \r}, {@code \t} or {@code \}{@code uXXXX}: printable
   * on one line and valid in XML 1.0. Distinct inputs stay distinct.
   */
  public static String escape(String value) {
    StringBuilder out = new StringBuilder(value.length());
    value
        .codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                  if (isInvisible(c)) {
                    out.append(String.format("\\u%04X", c));
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }

  /**
   * Control, format (bidi overrides, zero-width), separator and unassigned/surrogate code points.
   */
  public static boolean isInvisible(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE;
  }
}
