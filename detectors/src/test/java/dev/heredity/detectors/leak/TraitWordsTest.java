package dev.heredity.detectors.leak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraitWordsTest {
  @Test
  void wordsOfTraitNamesWithoutVerbsOfLikingOrShortWords() {
    assertThat(TraitWords.of(List.of("loves-owls", "hates the sea", "owls", "likes-AI")))
        .containsExactly("owls", "sea");
  }

  @Test
  void noTraitsNoWords() {
    assertThat(TraitWords.of(List.of())).isEmpty();
  }
}
