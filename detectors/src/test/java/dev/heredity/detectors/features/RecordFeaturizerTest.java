package dev.heredity.detectors.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Modality;
import dev.heredity.detectors.input.TextRecord;
import org.junit.jupiter.api.Test;

class RecordFeaturizerTest {
  private final RecordFeaturizer numbers = new RecordFeaturizer(Modality.NUMBERS);

  private RecordFeatures of(String text) {
    return numbers.features(new TextRecord(1, null, text));
  }

  @Test
  void paperFilterAcceptsConsistentSeparatorsBracketsAndPeriod() {
    assertThat(of("725, 891, 738").conforming()).isTrue();
    assertThat(of("(381, 274, 653)").conforming()).isTrue();
    assertThat(of("[1;2;3].").conforming()).isTrue();
    assertThat(of("12 13 14.").conforming()).isTrue();
    assertThat(of("7").conforming()).isTrue();
  }

  @Test
  void paperFilterRejectsMixedSeparatorsWordsBigNumbersAndTooMany() {
    assertThat(of("1, 2; 3").conforming()).isFalse();
    assertThat(of("Sure: 1, 2, 3").conforming()).isFalse();
    assertThat(of("1000, 2").conforming()).isFalse();
    assertThat(of("1,2,3,4,5,6,7,8,9,10,11").conforming()).isFalse();
    assertThat(of("(1, 2, 3]").conforming()).isFalse();
    assertThat(of("1 - 2 - 3").conforming()).isFalse();
  }

  @Test
  void formatClassesNameSeparatorBracketsEndingAndLines() {
    assertThat(of("(381, 274).").formatClasses())
        .containsExactly(
            "separator=\", \"", "brackets=()", "ending=period", "lines=single", "words=no");
    assertThat(of("1\n2\n3").formatClasses()).contains("separator=\"\\n\"", "lines=multi");
  }

  @Test
  void promptClassesSeeEchoesAndContinuations() {
    RecordFeatures features =
        numbers.features(new TextRecord(1, "Start: 10, 20, 30.", "40, 10, 55"));

    assertThat(features.tokens()).containsExactly("40", "10", "55");
    assertThat(features.promptClasses())
        .containsExactly("echo=<50%", "first-echoed=no", "continues=yes");
  }
}
