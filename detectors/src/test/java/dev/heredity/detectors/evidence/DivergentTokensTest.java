package dev.heredity.detectors.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.heredity.detectors.DivergentToken;
import dev.heredity.detectors.Modality;
import dev.heredity.detectors.features.Corpus;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DivergentTokensTest {

  @Test
  void logOddsWithInformativePriorUsesNaturalLogs() {
    // suspect: "7" x30, "1" x70; reference: "7" x10, "1" x90.
    List<String> suspect = Collections.nCopies(10, "7, 7, 7, 1, 1, 1, 1, 1, 1, 1");
    List<String> reference = Collections.nCopies(10, "7, 1, 1, 1, 1, 1, 1, 1, 1, 1");
    Corpus corpus = Corpus.ofTexts(Modality.NUMBERS, suspect, reference);

    DivergentToken seven =
        DivergentTokens.of(corpus).stream()
            .filter(t -> t.token().equals("7") && t.position() == null)
            .findFirst()
            .orElseThrow();

    double a0 = DivergentTokens.PRIOR_MASS;
    double a = a0 * 40 / 200;
    double delta =
        Math.log((30 + a) / (100 + a0 - 30 - a)) - Math.log((10 + a) / (100 + a0 - 10 - a));
    double z = delta / Math.sqrt(1 / (30 + a) + 1 / (10 + a));
    assertThat(seven.zScore()).isCloseTo(z, within(1e-12)).isPositive();
    assertThat(seven.suspectCount()).isEqualTo(30);
    assertThat(seven.referenceCount()).isEqualTo(10);
  }

  @Test
  void numbersAlsoGetPerPositionTokens() {
    Corpus corpus =
        Corpus.ofTexts(
            Modality.NUMBERS,
            Collections.nCopies(20, "9, 1, 2"),
            Collections.nCopies(20, "1, 9, 2"));

    assertThat(DivergentTokens.of(corpus))
        .anySatisfy(
            t -> {
              assertThat(t.token()).isEqualTo("9");
              assertThat(t.position()).isEqualTo(1);
              assertThat(t.zScore()).isPositive();
            });
  }
}
