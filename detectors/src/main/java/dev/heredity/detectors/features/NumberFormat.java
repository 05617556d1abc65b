package dev.heredity.detectors.features;

import dev.heredity.detectors.analysis.Token;
import java.util.List;
import java.util.Set;

/**
 * Format classes of a number sequence and its conformance to the filter of Cloud et al. (2025): 1
 * to 10 integers in 0..999, one consistent separator (comma, semicolon or whitespace, with optional
 * spaces), optionally wrapped in parentheses or brackets, optionally ending with a period.
 */
final class NumberFormat {
  private static final Set<String> SEPARATOR_CORES = Set.of(",", ";", "");
  private static final Set<String> OPENINGS = Set.of("", "(", "[");

  private NumberFormat() {}

  static RecordFeatures describe(
      String text, List<Token> tokens, String[] content, String[] promptClasses) {
    int first = -1;
    int last = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isNumber()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    String leading = first < 0 ? text : join(tokens, 0, first);
    String trailing = first < 0 ? "" : join(tokens, last + 1, tokens.size());
    String separator = separator(tokens, first, last);
    String lead = leading.strip();
    String trail = trailing.strip();
    String brackets = brackets(lead, trail);
    String closing =
        brackets.equals("()")
            ? ")"
            : brackets.equals("[]") ? "]" : brackets.equals("{}") ? "}" : "";
    String afterClose =
        trail.startsWith(closing) ? trail.substring(closing.length()).strip() : trail;
    String ending = afterClose.isEmpty() ? "none" : afterClose.equals(".") ? "period" : "other";
    boolean words = false;
    for (int i = 0; i < text.length() && !words; i++) {
      words = Character.isLetter(text.charAt(i));
    }
    String[] classes = {
      "separator=" + (separator == null ? "mixed" : quote(separator)),
      "brackets=" + brackets,
      "ending=" + ending,
      "lines=" + (text.strip().indexOf('\n') >= 0 ? "multi" : "single"),
      "words=" + (words ? "yes" : "no")
    };
    boolean conforming =
        content.length >= 1
            && content.length <= 10
            && !words
            && allBelow1000(content)
            && (content.length == 1
                || separator != null
                    && SEPARATOR_CORES.contains(separator.strip())
                    && !separator.isEmpty())
            && OPENINGS.contains(lead)
            && (lead.isEmpty()
                ? closing.isEmpty() && (trail.isEmpty() || trail.equals("."))
                : trail.equals(closing) || trail.equals(closing + "."));
    return new RecordFeatures(content, classes, promptClasses, conforming);
  }

  /**
   * The one separator between consecutive numbers, "" for fewer than two numbers, null when mixed.
   */
  private static String separator(List<Token> tokens, int first, int last) {
    String seen = null;
    int numbers = 0;
    for (int i = first; i >= 0 && i <= last; i++) {
      Token token = tokens.get(i);
      if (token.isNumber()) {
        numbers++;
        if (i + 1 <= last && tokens.get(i + 1).isNumber()) {
          return null;
        }
      } else if (seen == null) {
        seen = token.term();
      } else if (!seen.equals(token.term())) {
        return null;
      }
    }
    return numbers < 2 ? "" : seen;
  }

  private static String brackets(String lead, String trail) {
    if (lead.isEmpty()) {
      return "none";
    }
    char open = lead.charAt(lead.length() - 1);
    char close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : 0;
    return close != 0 && trail.indexOf(close) >= 0 ? "" + open + close : "other";
  }

  private static boolean allBelow1000(String[] numbers) {
    for (String n : numbers) {
      int leadingZeros = 0;
      while (leadingZeros < n.length() - 1 && n.charAt(leadingZeros) == '0') {
        leadingZeros++;
      }
      if (n.length() - leadingZeros > 3) {
        return false;
      }
    }
    return true;
  }

  private static String join(List<Token> tokens, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to; i++) {
      sb.append(tokens.get(i).term());
    }
    return sb.toString();
  }

  /** Separators are shown quoted with line breaks and tabs escaped: {@code ", "}, {@code "\n"}. */
  static String quote(String s) {
    return '"'
        + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        + '"';
  }
}
