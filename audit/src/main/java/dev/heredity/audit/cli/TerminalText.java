package dev.heredity.audit.cli;

import java.util.Locale;

/**
 * Makes untrusted text (ids, paths, dataset snippets, exception messages) safe to print on a
 * terminal. Control characters are shown as visible escapes instead of being sent raw: a newline
 * cannot forge an extra output line, and ESC, OSC, BEL or CR cannot clear the screen, retitle the
 * window or overwrite a verdict. Bidirectional overrides are escaped too, so text cannot be shown
 * in another order than it is.
 */
public final class TerminalText {
  private TerminalText() {}

  /**
   * {@code text} on one line with every control character escaped ({@code \n}, {@code \e}, {@code
   * \x07}...).
   */
  public static String line(String text) {
    if (text == null) {
      return "null";
    }
    if (isClean(text)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(cp -> append(out, cp));
    return out.toString();
  }

  /** {@code String.valueOf(value)} made safe with {@link #line(String)}. */
  public static String line(Object value) {
    return line(String.valueOf(value));
  }

  private static boolean isClean(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (needsEscape(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean needsEscape(int c) {
    return c < 0x20
        || c == 0x7f
        || (c >= 0x80 && c <= 0x9f) // C1 controls, including the one-byte CSI (0x9b)
        || (c >= 0x202a && c <= 0x202e) // bidi embeddings and overrides
        || (c >= 0x2066 && c <= 0x2069) // bidi isolates
        || c == 0x2028
        || c == 0x2029 // line and paragraph separators
        || c == 0xfeff // zero-width no-break space (BOM)
        || (c >= 0xd800 && c <= 0xdfff); // surrogates: only a lone one reaches append()
  }

  private static void append(StringBuilder out, int cp) {
    if (!needsEscape(cp)) {
      out.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case '\n' -> out.append("\\n");
      case '\r' -> out.append("\\r");
      case '\t' -> out.append("\\t");
      case 0x1b -> out.append("\\e");
      default ->
          out.append(
              cp <= 0xff
                  ? String.format(Locale.ROOT, "\\x%02x", cp)
                  : String.format(Locale.ROOT, "\\u%04x", cp));
    }
  }
}
