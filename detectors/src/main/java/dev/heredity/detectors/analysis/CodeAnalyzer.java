package dev.heredity.detectors.analysis;

import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.pattern.PatternTokenizer;

/**
 * Code tokens: identifiers (case kept), digit runs, and each punctuation/operator character on its
 * own. Whitespace is dropped; indentation and line breaks are format features, not content.
 */
public final class CodeAnalyzer extends Analyzer {
  private static final Pattern TOKEN =
      Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*|\\p{N}+|[^\\s\\p{L}\\p{N}_]");

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    return new TokenStreamComponents(new PatternTokenizer(TOKEN, 0));
  }
}
