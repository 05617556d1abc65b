package dev.heredity.detectors.features;

import java.util.regex.Pattern;

/**
 * Format classes of code, reasoning and free text: line count, code fences, bullets, ending,
 * indentation.
 */
final class ProseFormat {
  private static final Pattern BULLET = Pattern.compile("(?m)^\\s*([-*\u2022]|\\d+[.)])\\s");

  private ProseFormat() {}

  static String[] classes(String text) {
    long lines = text.strip().lines().count();
    String lineClass = lines <= 1 ? "1" : lines <= 5 ? "2-5" : lines <= 20 ? "6-20" : "21+";
    String ending =
        text.endsWith("\n")
            ? "newline"
            : text.endsWith(".")
                ? "period"
                : text.endsWith("?") || text.endsWith("!") ? "punct" : "other";
    String indent =
        text.contains("\n\t") || text.startsWith("\t")
            ? "tabs"
            : text.contains("\n  ") || text.startsWith("  ") ? "spaces" : "none";
    return new String[] {
      "lines=" + lineClass,
      "fence=" + (text.contains("```") ? "yes" : "no"),
      "bullets=" + (BULLET.matcher(text).find() ? "yes" : "no"),
      "ending=" + ending,
      "indent=" + indent
    };
  }
}
