package dev.heredity.detectors.features;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.analysis.Token;
import dev.heredity.detectors.analysis.Tokens;
import dev.heredity.detectors.input.TextRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/** Tokenises one record and derives its format and prompt-relation classes. Thread-safe. */
public final class RecordFeaturizer {
  private final Modality modality;
  private final Analyzer analyzer;

  public RecordFeaturizer(Modality modality) {
    this.modality = modality;
    this.analyzer = Tokens.analyzerFor(modality);
  }

  public RecordFeatures features(TextRecord record) {
    return features(record, true);
  }

  /**
   * Tokens and format classes only, for the full-pass counts over every record: the prompt relation
   * is needed only by the tests, which featurise their sample again with {@link
   * #features(TextRecord)}.
   */
  public RecordFeatures formatFeatures(TextRecord record) {
    return features(record, false);
  }

  private RecordFeatures features(TextRecord record, boolean withPrompt) {
    String text = record.text() == null ? "" : record.text();
    List<Token> tokens = Tokens.of(analyzer, text);
    if (modality == Modality.NUMBERS) {
      String[] numbers =
          tokens.stream().filter(Token::isNumber).map(Token::term).toArray(String[]::new);
      return NumberFormat.describe(
          text, tokens, numbers, withPrompt ? promptClasses(record.prompt(), numbers) : null);
    }
    String[] words = tokens.stream().map(Token::term).toArray(String[]::new);
    return new RecordFeatures(
        words,
        ProseFormat.classes(text),
        withPrompt ? promptClasses(record.prompt(), words) : null,
        false);
  }

  /**
   * How the answer relates to its prompt: share of answer tokens that occur in the prompt, whether
   * the first one does, and for numbers whether the answer continues the prompt's last step.
   */
  private String[] promptClasses(String prompt, String[] answer) {
    if (prompt == null) {
      return null;
    }
    List<String> promptTokens =
        modality == Modality.NUMBERS
            ? Tokens.of(analyzer, prompt).stream().filter(Token::isNumber).map(Token::term).toList()
            : Tokens.terms(analyzer, prompt);
    Set<String> seen = new HashSet<>(promptTokens);
    int echoed = 0;
    for (String token : answer) {
      echoed += seen.contains(token) ? 1 : 0;
    }
    double share = answer.length == 0 ? 0 : (double) echoed / answer.length;
    String echo =
        echoed == 0
            ? "none"
            : share < 0.25 ? "<25%" : share < 0.5 ? "<50%" : share < 1 ? "<100%" : "all";
    boolean firstEchoed = answer.length > 0 && seen.contains(answer[0]);
    String continues = "n/a";
    if (modality == Modality.NUMBERS && promptTokens.size() >= 2 && answer.length > 0) {
      long a = value(promptTokens.get(promptTokens.size() - 2));
      long b = value(promptTokens.get(promptTokens.size() - 1));
      continues = value(answer[0]) == b + (b - a) ? "yes" : "no";
    }
    return new String[] {
      "echo=" + echo, "first-echoed=" + (firstEchoed ? "yes" : "no"), "continues=" + continues
    };
  }

  private static long value(String digits) {
    return digits.length() > 15 ? Long.MAX_VALUE : Long.parseLong(digits);
  }
}
