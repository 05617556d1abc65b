package dev.heredity.audit.report.markdown;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Markdown escaping for GitHub-flavoured Markdown (text, table cells, code spans). */
final class Md {
  private static final Pattern SPECIAL = Pattern.compile("[\\\\`*_\\[\\]<|~]");

  private Md() {}

  /** Plain text with Markdown/HTML specials backslash-escaped and line breaks folded to spaces. */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    String oneLine = s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    return SPECIAL.matcher(oneLine).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
  }

  /**
   * Like {@link #text} for text that starts a line (a paragraph or a list item), where '>', '#', '+',
   * '-' and "1." would otherwise start a quote, heading or list.
   */
  static String block(String s) {
    String escaped = text(s);
    return escaped.matches("^([>#+-]|\\d+[.)]).*") ? "\\" + escaped : escaped;
  }

  /** A code span that survives any content (backticks inside are replaced, pipes escaped for tables). */
  static String code(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return "`" + s.replace('`', '\'').replace("\n", " ").replace("|", "\\|") + "`";
  }

  static String codes(List<String> items) {
    return items.isEmpty() ? "-" : String.join(", ", items.stream().map(Md::code).toList());
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
}
