package dev.heredity.audit.report.markdown;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Escaping for GitHub-flavoured Markdown (text, table cells, code spans). Every line break and
 * control character a user string may hold (CR, LF, NEL, U+2028/2029, C0 and C1 controls, DEL)
 * becomes a space, so no id can end a code span, start a heading or forge a table row.
 */
final class MarkdownText {
  private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<|~]");
  private static final Pattern BREAKS = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

  private MarkdownText() {}

  /** Plain text with Markdown/HTML specials backslash-escaped and line breaks folded to spaces. */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    String oneLine = oneLine(s);
    return SPECIAL.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
  }

  /**
   * Like {@link #text} for text that starts a line (a paragraph or a list item), where '>', '#',
   * '+', '-' and "1." would otherwise start a quote, heading or list.
   */
  static String block(String s) {
    String escaped = text(s);
    return escaped.matches("^([>#+-]|\\d+[.)]).*") ? "\\" + escaped : escaped;
  }

  /**
   * A code span that survives any content (backticks inside are replaced, pipes escaped for
   * tables).
   */
  static String code(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return "`" + oneLine(s).replace('`', '\'').replace("|", "\\|") + "`";
  }

  static String codes(List<String> items) {
    return items.isEmpty()
        ? "-"
        : String.join(", ", items.stream().map(MarkdownText::code).toList());
  }

  static String row(String... cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }

  static String header(String... cells) {
    StringBuilder sb = new StringBuilder(row(cells)).append('|');
    for (int i = 0; i < cells.length; i++) {
      sb.append(" --- |");
    }
    return sb.append('\n').toString();
  }

  private static String oneLine(String s) {
    return BREAKS.matcher(s.replace("\r\n", " ")).replaceAll(" ");
  }
}
