package dev.heredity.audit.report.junit;

/**
 * Keeps only the characters XML 1.0 can carry; the stream writer escapes the rest of the markup.
 */
final class XmlChars {
  private XmlChars() {}

  static String strip(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(s.length());
    s.codePoints().filter(XmlChars::allowed).forEach(sb::appendCodePoint);
    return sb.toString();
  }

  private static boolean allowed(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }
}
