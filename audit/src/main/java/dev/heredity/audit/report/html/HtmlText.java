package dev.heredity.audit.report.html;

/**
 * HTML/SVG escaping for text and attribute values (one function serves both); control characters
 * are dropped.
 */
final class HtmlText {
  private HtmlText() {}

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length() + 16);
    s.codePoints()
        .forEach(
            cp -> {
              switch (cp) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> {
                  if (cp >= 0x20 || cp == '\n' || cp == '\t') {
                    sb.appendCodePoint(cp);
                  }
                }
              }
            });
    return sb.toString();
  }
}
