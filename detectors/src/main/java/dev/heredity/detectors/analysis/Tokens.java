package dev.heredity.detectors.analysis;

import dev.heredity.detectors.Modality;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * The one adapter from Lucene token streams to plain lists; detectors never touch a TokenStream.
 */
public final class Tokens {
  private static final Analyzer NUMBERS = NumberAnalyzer.withFormat();
  private static final Analyzer CODE = new CodeAnalyzer();
  private static final Analyzer PROSE = new ProseAnalyzer();

  private Tokens() {}

  /**
   * The analyzer for a modality: number-aware for numbers, code tokens for code, words otherwise.
   */
  public static Analyzer analyzerFor(Modality modality) {
    return switch (modality) {
      case NUMBERS -> NUMBERS;
      case CODE -> CODE;
      case REASONING, TEXT -> PROSE;
    };
  }

  /**
   * The attributes of the last stream this thread used: Lucene reuses one stream per analyzer and
   * thread.
   */
  private record Attributes(TokenStream stream, CharTermAttribute term, TypeAttribute type) {}

  private static final ThreadLocal<Attributes> LAST = new ThreadLocal<>();

  public static List<Token> of(Analyzer analyzer, String text) {
    List<Token> tokens = new ArrayList<>(32);
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      Attributes cached = LAST.get();
      if (cached == null || cached.stream() != stream) {
        cached =
            new Attributes(
                stream,
                stream.addAttribute(CharTermAttribute.class),
                stream.addAttribute(TypeAttribute.class));
        LAST.set(cached);
      }
      CharTermAttribute term = cached.term();
      TypeAttribute type = cached.type();
      stream.reset();
      while (stream.incrementToken()) {
        tokens.add(new Token(term.toString(), type.type()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tokens;
  }

  /** Terms only. */
  public static List<String> terms(Analyzer analyzer, String text) {
    return of(analyzer, text).stream().map(Token::term).toList();
  }
}
