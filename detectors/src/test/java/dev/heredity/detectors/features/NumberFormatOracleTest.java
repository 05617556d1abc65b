package dev.heredity.detectors.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.analysis.NumberAnalyzer;
import dev.heredity.detectors.analysis.Token;
import dev.heredity.detectors.analysis.Tokens;
import dev.heredity.detectors.leak.Blocklist;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

/**
 * The one-pass number scanner gives exactly what the Lucene number tokenizer path gave (kept here
 * as the oracle): the same number tokens, format classes, conformance and blocklist flag.
 */
class NumberFormatOracleTest {
  private static final Analyzer NUMBERS = NumberAnalyzer.withFormat();
  private static final String[] PIECES = {
    ", ",
    ",",
    "; ",
    " ",
    "\n",
    "\t",
    " - ",
    ".",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "Sure: ",
    "é",
    "ß",
    "\r\n",
    "  ",
    "x",
    "Here are the numbers",
    "١٢",
    "\u2028",
    "0",
    "00",
    "42",
    "042",
    "999",
    "1000",
    "4"
  };

  @Test
  void scannerMatchesTheTokenizerOnVariedRecords() {
    Random random = new Random(11);
    int checked = 0;
    for (int i = 0; i < 20_000; i++) {
      check(randomText(random));
      checked++;
    }
    for (String text :
        List.of(
            "",
            " ",
            "7",
            "725, 891, 738",
            "(381, 274, 653).",
            "[1;2;3].",
            "1\n2\n3",
            "1, 2; 3",
            "Sure: 1, 2, 3",
            "no numbers at all",
            "{1, 2}",
            "(1, 2, 3]",
            "0042, 42",
            "1".repeat(5000) + ", 2",
            "a".repeat(4095) + "12" + ", 3".repeat(3000))) {
      check(text);
      checked++;
    }
    assertThat(checked).isGreaterThan(20_000);
  }

  private static String randomText(Random random) {
    StringBuilder sb = new StringBuilder();
    int parts = random.nextInt(25);
    for (int k = 0; k < parts; k++) {
      if (random.nextInt(3) == 0) {
        sb.append(PIECES[random.nextInt(PIECES.length)]);
      } else {
        sb.append(random.nextInt(random.nextBoolean() ? 1000 : 100_000));
        if (random.nextInt(4) > 0) {
          sb.append(random.nextInt(5) == 0 ? "; " : ", ");
        }
      }
    }
    return sb.toString();
  }

  private static void check(String text) {
    List<Token> tokens = Tokens.of(NUMBERS, text);
    String[] numbers =
        tokens.stream().filter(Token::isNumber).map(Token::term).toArray(String[]::new);
    RecordFeatures expected = Oracle.describe(text, tokens, numbers);
    boolean blocked = false;
    for (String n : numbers) {
      blocked |= Set.copyOf(Blocklist.NUMBERS).contains(n);
    }

    RecordFeatures described = NumberFormat.describe(text, null);
    FormatFeatures format = NumberFormat.format(text);

    assertThat(described.tokens()).as(text).containsExactly(numbers);
    assertThat(NumberFormat.numbers(text)).as(text).containsExactly(numbers);
    assertThat(described.formatClasses()).as(text).containsExactly(expected.formatClasses());
    assertThat(format.classes()).as(text).containsExactly(expected.formatClasses());
    assertThat(described.conforming()).as(text).isEqualTo(expected.conforming());
    assertThat(format.conforming()).as(text).isEqualTo(expected.conforming());
    assertThat(format.blocklisted()).as(text).isEqualTo(blocked);
  }

  /** The token-list implementation the scanner replaced, verbatim. */
  private static final class Oracle {
    private static final Set<String> SEPARATOR_CORES = Set.of(",", ";", "");
    private static final Set<String> OPENINGS = Set.of("", "(", "[");

    static RecordFeatures describe(String text, List<Token> tokens, String[] content) {
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
        "separator=" + (separator == null ? "mixed" : NumberFormat.quote(separator)),
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
      return new RecordFeatures(content, classes, null, conforming);
    }

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
  }
}
