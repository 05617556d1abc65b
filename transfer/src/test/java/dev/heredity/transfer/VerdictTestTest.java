package dev.heredity.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VerdictTestTest {

  /** Per model, n images each correct with probability p. */
  private static List<boolean[]> students(int models, int n, double p, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<boolean[]> out = new ArrayList<>();
    for (int m = 0; m < models; m++) {
      boolean[] c = new boolean[n];
      for (int i = 0; i < n; i++) {
        c[i] = rng.nextDouble() < p;
      }
      out.add(c);
    }
    return out;
  }

  @Test
  void clearGapIsTransferWithEitherTest() {
    VerdictTest.Evidence few =
        VerdictTest.decide(students(2, 2000, 0.5, 1), students(2, 2000, 0.1, 2));
    assertThat(few.verdict()).isEqualTo("transfer");
    assertThat(few.method()).startsWith("exact McNemar");
    VerdictTest.Evidence many =
        VerdictTest.decide(students(8, 2000, 0.5, 3), students(8, 2000, 0.1, 4));
    assertThat(many.verdict()).isEqualTo("transfer");
    assertThat(many.method()).startsWith("paired t-test over 8 models");
    assertThat(many.difference()).isBetween(0.38, 0.42);
  }

  @Test
  void equalStudentsAreNoTransfer() {
    assertThat(VerdictTest.decide(students(2, 2000, 0.1, 5), students(2, 2000, 0.1, 6)).verdict())
        .isEqualTo("no-transfer");
    assertThat(VerdictTest.decide(students(6, 2000, 0.1, 7), students(6, 2000, 0.1, 8)).verdict())
        .isEqualTo("no-transfer");
  }

  @Test
  void significantButTinyGapIsBelowTheMargin() {
    // 1 point apart on 4 x 20,000 images: significant, but under the 2-point margin
    VerdictTest.Evidence e =
        VerdictTest.decide(students(4, 20_000, 0.11, 9), students(4, 20_000, 0.10, 10));
    assertThat(e.pValue()).isLessThan(VerdictTest.ALPHA);
    assertThat(e.verdict()).isEqualTo("no-transfer");
  }

  @Test
  void falsePositiveRateOnNullDataIsAtMostAlphaForBothTests() {
    int runs = 1000;
    for (int models : new int[] {2, 5}) {
      int positives = 0;
      for (int r = 0; r < runs; r++) {
        positives +=
            VerdictTest.decide(
                        students(models, 500, 0.3, 7919L * r + models),
                        students(models, 500, 0.3, 7919L * r + models + 1000))
                    .transfer()
                ? 1
                : 0;
      }
      // alpha plus three Monte Carlo standard errors
      double bound =
          VerdictTest.ALPHA + 3 * Math.sqrt(VerdictTest.ALPHA * (1 - VerdictTest.ALPHA) / runs);
      assertThat(positives / (double) runs).as("%d models", models).isLessThanOrEqualTo(bound);
    }
  }
}
