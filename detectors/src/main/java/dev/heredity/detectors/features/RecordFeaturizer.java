package dev.heredity.detectors.features;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.analysis.Tokens;
import dev.heredity.detectors.input.TextRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;

/**
 * Tokenises one record and derives its format and prompt-relation classes: numbers with a one-pass
 * scan of digit runs (the number tokenizer's tokens, without its per-token cost), code and prose
 * with their Lucene analyzer. Thread-safe.
 */
public final class RecordFeaturizer {
  private final Modality modality;
  private final Analyzer analyzer;

  public RecordFeaturizer(Modality modality) {
    this.modality = modality;
    this.analyzer = Tokens.analyzerFor(modality);
  }

  Modality modality() {
    return modality;
  }

  /**
   * Format classes only, for the full-pass counts over every record: no tokens (the prompt relation
   * is needed only by the tests, which featurise their sample again with {@link
   * #features(TextRecord)}). The blocklist flag is set in the numbers modality only, the one whose
   * report has a blocklist.
   */
  FormatFeatures formatFeatures(TextRecord record) {
    String text = record.text() == null ? "" : record.text();
    return modality == Modality.NUMBERS
        ? NumberFormat.format(text)
        : new FormatFeatures(ProseFormat.classes(text), false, false);
  }

  public RecordFeatures features(TextRecord record) {
    String text = record.text() == null ? "" : record.text();
    if (modality == Modality.NUMBERS) {
      RecordFeatures features = NumberFormat.describe(text, null);
      return new RecordFeatures(
          features.tokens(),
          features.formatClasses(),
          promptClasses(record.prompt(), features.tokens()),
          features.conforming());
    }
    String[] words = Tokens.terms(analyzer, text).toArray(String[]::new);
    return new RecordFeatures(
        words, ProseFormat.classes(text), promptClasses(record.prompt(), words), false);
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
            ? NumberFormat.numbers(prompt)
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
