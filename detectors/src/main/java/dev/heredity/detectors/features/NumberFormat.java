package dev.heredity.detectors.features;

import dev.heredity.detectors.leak.Blocklist;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Format classes of a number sequence and its conformance to the filter of Cloud et al. (2025): 1
 * to 10 integers in 0..999, one consistent separator (comma, semicolon or whitespace, with optional
 * spaces), optionally wrapped in parentheses or brackets, optionally ending with a period.
 *
 * <p>The text is read as the number tokenizer splits it, runs of ASCII digits (the numbers) and the
 * runs between them, but in one pass over the characters without building tokens: this runs on
 * every record of the full pass.
 */
final class NumberFormat {
  private static final Set<String> SEPARATOR_CORES = Set.of(",", ";", "");
  private static final Set<String> OPENINGS = Set.of("", "(", "[");

  // Class names as constants: their hash codes are computed once, not per record of the tally.
  private static final String ENDING_NONE = "ending=none";
  private static final String ENDING_PERIOD = "ending=period";
  private static final String ENDING_OTHER = "ending=other";
  private static final String LINES_MULTI = "lines=multi";
  private static final String LINES_SINGLE = "lines=single";
  private static final String WORDS_YES = "words=yes";
  private static final String WORDS_NO = "words=no";
  private static final String SEPARATOR_MIXED = "separator=mixed";
  private static final Map<String, String> BRACKETS =
      Map.of(
          "none", "brackets=none",
          "()", "brackets=()",
          "[]", "brackets=[]",
          "{}", "brackets={}",
          "other", "brackets=other");

  /** Class names of the separators seen, so the common ones are not rebuilt for every record. */
  private static final int SEPARATORS_CACHED = 256;

  private static final ConcurrentHashMap<String, String> SEPARATORS = new ConcurrentHashMap<>();

  private NumberFormat() {}

  private static String separatorClass(String separator) {
    if (separator == null) {
      return SEPARATOR_MIXED;
    }
    String cached = SEPARATORS.get(separator);
    if (cached != null) {
      return cached;
    }
    String name = "separator=" + quote(separator);
    if (separator.length() <= 16 && SEPARATORS.size() < SEPARATORS_CACHED) {
      SEPARATORS.putIfAbsent(separator, name);
    }
    return name;
  }

  /** Features of a tested record: the numbers as tokens, format classes, prompt classes. */
  static RecordFeatures describe(String text, String[] promptClasses) {
    List<String> numbers = new ArrayList<>();
    Scan scan = Scan.of(text, numbers);
    String[] content = numbers.toArray(String[]::new);
    return new RecordFeatures(content, scan.classes(), promptClasses, scan.conforming());
  }

  /** Format classes only, for the full-pass tally. */
  static FormatFeatures format(String text) {
    Scan scan = Scan.of(text, null);
    return new FormatFeatures(scan.classes(), scan.conforming(), scan.blocklisted);
  }

  /** The number tokens of a text: its maximal runs of ASCII digits. */
  static List<String> numbers(String text) {
    List<String> numbers = new ArrayList<>();
    Scan.of(text, numbers);
    return numbers;
  }

  /** What one pass over the text finds. */
  private static final class Scan {
    private final String text;

    /** Start of the first number and end of the last, -1 without numbers. */
    private int firstStart = -1;

    private int lastEnd = -1;
    private int count;
    private boolean allBelow1000 = true;
    private boolean blocklisted;
    private boolean words;

    /** The first gap between two numbers; {@code mixed} once another gap differs from it. */
    private int gapStart = -1;

    private int gapEnd = -1;
    private boolean mixed;

    /** Decided on first use: {@link #numbers(String)} needs neither. */
    private String[] classes;

    private boolean conforming;

    private Scan(String text) {
      this.text = text;
    }

    static Scan of(String text, List<String> numbers) {
      Scan scan = new Scan(text);
      int n = text.length();
      int i = 0;
      while (i < n) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          if (!scan.words && Character.isLetter(c)) {
            scan.words = true;
          }
          i++;
          continue;
        }
        int start = i;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
          i++;
        }
        scan.number(start, i);
        if (numbers != null) {
          numbers.add(text.substring(start, i));
        }
      }
      return scan;
    }

    private void number(int start, int end) {
      count++;
      if (firstStart < 0) {
        firstStart = start;
      } else if (gapStart < 0) {
        gapStart = lastEnd;
        gapEnd = start;
      } else if (!mixed
          && (start - lastEnd != gapEnd - gapStart
              || !text.regionMatches(lastEnd, text, gapStart, gapEnd - gapStart))) {
        mixed = true;
      }
      lastEnd = end;
      int significant = start;
      while (significant < end - 1 && text.charAt(significant) == '0') {
        significant++;
      }
      allBelow1000 &= end - significant <= 3;
      blocklisted = blocklisted || Blocklist.isBlocked(text, start, end);
    }

    /**
     * The one separator between consecutive numbers, "" for fewer than two numbers, null when
     * mixed.
     */
    private String separator() {
      return count < 2 ? "" : mixed ? null : text.substring(gapStart, gapEnd);
    }

    private String lead() {
      return (firstStart < 0 ? text : text.substring(0, firstStart)).strip();
    }

    private String trail() {
      return firstStart < 0 ? "" : text.substring(lastEnd).strip();
    }

    String[] classes() {
      if (classes == null) {
        decide();
      }
      return classes;
    }

    boolean conforming() {
      if (classes == null) {
        decide();
      }
      return conforming;
    }

    private void decide() {
      String separator = separator();
      String lead = lead();
      String trail = trail();
      String brackets = brackets(lead, trail);
      String closing =
          brackets.equals("()")
              ? ")"
              : brackets.equals("[]") ? "]" : brackets.equals("{}") ? "}" : "";
      String afterClose =
          trail.startsWith(closing) ? trail.substring(closing.length()).strip() : trail;
      String ending =
          afterClose.isEmpty()
              ? ENDING_NONE
              : afterClose.equals(".") ? ENDING_PERIOD : ENDING_OTHER;
      classes =
          new String[] {
            separatorClass(separator),
            BRACKETS.get(brackets),
            ending,
            text.strip().indexOf('\n') >= 0 ? LINES_MULTI : LINES_SINGLE,
            words ? WORDS_YES : WORDS_NO
          };
      conforming =
          count >= 1
              && count <= 10
              && !words
              && allBelow1000
              && (count == 1
                  || separator != null
                      && SEPARATOR_CORES.contains(separator.strip())
                      && !separator.isEmpty())
              && OPENINGS.contains(lead)
              && (lead.isEmpty()
                  ? closing.isEmpty() && (trail.isEmpty() || trail.equals("."))
                  : trail.equals(closing) || trail.equals(closing + "."));
    }
  }

  private static String brackets(String lead, String trail) {
    if (lead.isEmpty()) {
      return "none";
    }
    char open = lead.charAt(lead.length() - 1);
    char close = open == '(' ? ')' : open == '[' ? ']' : open == '{' ? '}' : 0;
    return close != 0 && trail.indexOf(close) >= 0 ? "" + open + close : "other";
  }

  /** Separators are shown quoted with line breaks and tabs escaped: {@code ", "}, {@code "\n"}. */
  static String quote(String s) {
    return '"'
        + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
        + '"';
  }
}
