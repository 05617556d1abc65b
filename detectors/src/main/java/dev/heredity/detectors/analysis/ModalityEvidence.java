package dev.heredity.detectors.analysis;

import dev.heredity.detectors.Modality;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What kind of text a sample of records holds, from surface evidence: the share of word-like tokens
 * that are numbers, the share of non-blank lines that look like code, and the share of records with
 * step-by-step reasoning markers.
 *
 * @param numericShare number tokens / all word-like tokens
 * @param codeShare code-like lines / non-blank lines
 * @param reasoningShare records with reasoning markers / records
 * @param sampled records looked at
 */
public record ModalityEvidence(
    double numericShare, double codeShare, double reasoningShare, int sampled) {
  /** At or above this numeric share the records are number sequences. */
  static final double NUMBERS = 0.5;

  static final double CODE = 0.3;
  static final double REASONING = 0.3;

  /**
   * A declared {@code numbers} modality below this numeric share contradicts the data beyond doubt.
   */
  public static final double CONTRADICTS_NUMBERS = 0.05;

  /** Fewer sampled records than this and a contradiction is not called. */
  public static final int MIN_SAMPLE = 20;

  private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}_]+");
  private static final Pattern NUMBER = Pattern.compile("\\p{N}+");
  private static final Pattern CODE_LINE =
      Pattern.compile(
          "[;{}]\\s*$|^\\s*(def|class|import|from|return|if|elif|for|while|function|const|let|var|public|private"
              + "|static|#include|package|fn|func)\\b|=>|==|!=|\\w+\\([^)]*\\)\\s*[:{;]?\\s*$|^\\s{4,}\\S");
  private static final Pattern REASONING_MARK =
      Pattern.compile(
          "(?i)\\bstep \\d|\\btherefore\\b|\\bthus\\b|\\bfirst,|\\blet's\\b|<think>|\\bso the answer\\b|\\d\\s*[-+*/x]\\s*\\d+\\s*=");

  public static ModalityEvidence of(List<String> texts) {
    long numeric = 0;
    long words = 0;
    long codeLines = 0;
    long lines = 0;
    int reasoning = 0;
    for (String text : texts) {
      for (String word : WORDS.split(text)) {
        if (!word.isEmpty()) {
          words++;
          numeric += NUMBER.matcher(word).matches() ? 1 : 0;
        }
      }
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          lines++;
          codeLines += CODE_LINE.matcher(line).find() ? 1 : 0;
        }
      }
      reasoning += REASONING_MARK.matcher(text).find() ? 1 : 0;
    }
    return new ModalityEvidence(
        words == 0 ? 0 : (double) numeric / words,
        lines == 0 ? 0 : (double) codeLines / lines,
        texts.isEmpty() ? 0 : (double) reasoning / texts.size(),
        texts.size());
  }

  /** The most likely modality: numbers, then code, then reasoning, else prose ({@code text}). */
  public Modality likely() {
    if (numericShare >= NUMBERS) {
      return Modality.NUMBERS;
    }
    if (codeShare >= CODE) {
      return Modality.CODE;
    }
    return reasoningShare >= REASONING ? Modality.REASONING : Modality.TEXT;
  }

  /**
   * True when {@code declared} is impossible for these records (numbers declared on text without
   * numbers).
   */
  public boolean contradicts(Modality declared) {
    return sampled >= MIN_SAMPLE
        && declared == Modality.NUMBERS
        && numericShare < CONTRADICTS_NUMBERS;
  }
}
