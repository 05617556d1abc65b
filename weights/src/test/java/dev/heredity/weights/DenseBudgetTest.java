package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DenseBudgetTest {
  @Test
  void aMatrixFitsWhenItsFloatsTakeAtMostTheBudget() {
    DenseBudget budget = new DenseBudget(4L * 100 * 100);
    assertThat(budget.fits(100)).isTrue();
    assertThat(budget.fits(101)).isFalse();
    // 11008 units (Llama-7B): 485 MB, dense under a 2 GB heap, streamed under 500 MB
    assertThat(new DenseBudget(1909L * 1000 * 1000 / 3).fits(11008)).isTrue(); // -Xmx2g
    assertThat(new DenseBudget(500L * 1024 * 1024 / 3).fits(11008)).isFalse();
    assertThat(new DenseBudget(Long.MAX_VALUE).fits(46_340)).isTrue();
  }

  @Test
  void theDefaultIsAThirdOfTheHeapUnlessThePropertySaysOtherwise() {
    String before = System.getProperty(DenseBudget.PROPERTY);
    try {
      System.clearProperty(DenseBudget.PROPERTY);
      assertThat(DenseBudget.ofHeap().bytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 3);
      System.setProperty(DenseBudget.PROPERTY, "0");
      assertThat(DenseBudget.ofHeap().fits(1)).isFalse();
      System.setProperty(DenseBudget.PROPERTY, "lots");
      assertThatThrownBy(DenseBudget::ofHeap).hasMessageContaining(DenseBudget.PROPERTY);
    } finally {
      if (before == null) {
        System.clearProperty(DenseBudget.PROPERTY);
      } else {
        System.setProperty(DenseBudget.PROPERTY, before);
      }
    }
  }
}
