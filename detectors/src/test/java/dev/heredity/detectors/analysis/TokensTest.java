package dev.heredity.detectors.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Modality;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokensTest {

  @Test
  void numberAnalyzerSplitsNumbersFromFormatAndKeepsEveryCharacter() {
    List<Token> tokens = Tokens.of(NumberAnalyzer.withFormat(), "(381, 274,\n 653).");

    assertThat(tokens)
        .containsExactly(
            new Token("(", NumberTokenizer.FORMAT),
            new Token("381", NumberTokenizer.NUMBER),
            new Token(", ", NumberTokenizer.FORMAT),
            new Token("274", NumberTokenizer.NUMBER),
            new Token(",\n ", NumberTokenizer.FORMAT),
            new Token("653", NumberTokenizer.NUMBER),
            new Token(").", NumberTokenizer.FORMAT));
  }

  @Test
  void numbersOnlyDropsFormatTokens() {
    assertThat(Tokens.terms(NumberAnalyzer.numbersOnly(), "[1; 22; 333]"))
        .containsExactly("1", "22", "333");
  }

  @Test
  void longInputCrossesTheTokenizerBuffer() {
    String text = "123, ".repeat(2000);
    assertThat(Tokens.terms(NumberAnalyzer.numbersOnly(), text)).hasSize(2000).containsOnly("123");
  }

  @Test
  void codeKeepsIdentifiersAndOperators() {
    assertThat(Tokens.terms(Tokens.analyzerFor(Modality.CODE), "x_1 += foo(2);"))
        .containsExactly("x_1", "+", "=", "foo", "(", "2", ")", ";");
  }

  @Test
  void proseIsLowerCasedWords() {
    assertThat(Tokens.terms(Tokens.analyzerFor(Modality.TEXT), "Owls hunt at Night."))
        .containsExactly("owls", "hunt", "at", "night");
  }
}
