package dev.heredity.lineage.manifest;

/**
 * The characters an id may hold: letters, digits and {@code . _ - / : @ +}, so hub ids such as
 * {@code Qwen/Qwen2.5-7B} and {@code org/name@rev} stay valid while spaces, quotes, line breaks and
 * control characters cannot reach a report, a terminal or a graph file.
 */
public final class IdSyntax {
  public static final String ALLOWED_PUNCTUATION = "._-/:@+";
  public static final String DESCRIPTION = "letters, digits and . _ - / : @ +";

  private IdSyntax() {}

  /** Why {@code id} is not a valid id, or null when it is. */
  public static String problem(String id) {
    if (id.isEmpty()) {
      return "is empty";
    }
    if (id.isBlank()) {
      return "is blank";
    }
    for (int i = 0; i < id.length(); ) {
      int c = id.codePointAt(i);
      if (!allowed(c)) {
        return "holds " + describe(c) + " (ids may hold " + DESCRIPTION + ")";
      }
      i += Character.charCount(c);
    }
    return null;
  }

  public static boolean isValid(String id) {
    return problem(id) == null;
  }

  private static boolean allowed(int c) {
    return Character.isLetterOrDigit(c) || (c < 128 && ALLOWED_PUNCTUATION.indexOf(c) >= 0);
  }

  private static String describe(int c) {
    String code = String.format("U+%04X", c);
    return switch (c) {
      case ' ' -> "a space";
      case '\n' -> "a line feed (" + code + ")";
      case '\r' -> "a carriage return (" + code + ")";
      case '\t' -> "a tab (" + code + ")";
      default ->
          Character.isISOControl(c) || dev.heredity.lineage.Quoted.isInvisible(c)
              ? "the control character " + code
              : "'" + new String(Character.toChars(c)) + "' (" + code + ")";
    };
  }
}
