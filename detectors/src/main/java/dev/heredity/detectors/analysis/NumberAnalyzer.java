package dev.heredity.detectors.analysis;

import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.TypeTokenFilter;

/**
 * Number-aware analysis for modality {@code numbers}: integers are content tokens, everything
 * between them is a format token. {@link #numbersOnly()} drops the format tokens (used by the leak
 * index).
 */
public final class NumberAnalyzer extends Analyzer {
  private final boolean keepFormat;

  private NumberAnalyzer(boolean keepFormat) {
    this.keepFormat = keepFormat;
  }

  public static NumberAnalyzer withFormat() {
    return new NumberAnalyzer(true);
  }

  public static NumberAnalyzer numbersOnly() {
    return new NumberAnalyzer(false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    NumberTokenizer tokenizer = new NumberTokenizer();
    TokenStream stream =
        keepFormat
            ? tokenizer
            : new TypeTokenFilter(tokenizer, Set.of(NumberTokenizer.NUMBER), true);
    return new TokenStreamComponents(tokenizer, stream);
  }
}
