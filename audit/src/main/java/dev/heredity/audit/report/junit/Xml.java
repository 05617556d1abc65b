package dev.heredity.audit.report.junit;

/** XML 1.0 escaping for attribute values and text; characters XML cannot carry are dropped. */
final class Xml {
  private Xml() {}

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          if (allowed(cp)) {
            sb.appendCodePoint(cp);
          }
        }
      }
    });
    return sb.toString();
  }

  private static boolean allowed(int cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
