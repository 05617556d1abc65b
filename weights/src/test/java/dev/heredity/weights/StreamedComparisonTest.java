package dev.heredity.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StreamedComparisonTest {
  static final WeightsOptions FULL = WeightsComparisonTest.FULL;

  @Test
  void aFineTuneAndAnIndependentPairGetTheSameResultStreamed() {
    float[] data = TinyLlama.inputs(128, 7);
    TinyLlama base =
        TinyLlama.init(1).train(data, TinyLlama.init(999).outputs(data), 100, 0.05, 11);
    TinyLlama tuned = WeightsComparisonTest.fineTune(base, 21);
    TinyLlama other = TinyLlama.init(2);
    for (TinyLlama b : new TinyLlama[] {tuned, other, tuned.permuted(3)}) {
      assertSameStreamed(base.tensors("a"), b.tensors("b"), FULL, TinyLlama.INTER);
    }
  }

  @Test
  void wideLayersOfUnpaddedWidthGetTheSameResultStreamedExactOrSketched() {
    SplittableRandom rng = new SplittableRandom(71);
    int units = 300; // not a multiple of the GEMM's padding, more than one block of rows
    InMemoryTensors base = WeightsComparisonTest.twoViews("base", units, 1100, rng, null, 0);
    InMemoryTensors tuned = WeightsComparisonTest.twoViews("tuned", units, 1100, rng, base, 2);
    InMemoryTensors other = WeightsComparisonTest.twoViews("other", units, 1100, rng, null, 0);
    for (InMemoryTensors b : new InMemoryTensors[] {tuned, other}) {
      // exact cosines: the depth (1100) is split into several GEMM blocks
      assertSameStreamed(base, b, FULL.withSketch(0), units);
      assertSameStreamed(base, b, FULL.withSketch(64), units);
    }
  }

  /** A budget one byte short of the layer's dense matrix streams every view. */
  private static void assertSameStreamed(
      TensorSource a, TensorSource b, WeightsOptions options, int units) {
    WeightsComparison dense = new WeightsComparison(options, new DenseBudget(Long.MAX_VALUE));
    WeightsComparison streamed =
        new WeightsComparison(options, new DenseBudget(4L * units * units - 1));
    WeightsResult want = dense.run(a, b);
    WeightsResult got = streamed.run(a, b);
    assertThat(dense.streamedViews()).isZero();
    assertThat(streamed.streamedViews()).isEqualTo(2 * want.layers().size()).isPositive();
    assertThat(got.verdict()).isEqualTo(want.verdict());
    assertThat(got.method()).isEqualTo(want.method());
    assertThat(got.pValue()).isEqualTo(want.pValue());
    assertThat(got.notes()).isEqualTo(want.notes());
    assertThat(got.layers()).hasSameSizeAs(want.layers());
    for (int l = 0; l < want.layers().size(); l++) {
      LayerEvidence g = got.layers().get(l);
      LayerEvidence w = want.layers().get(l);
      // everything but the timing
      assertThat(
              new LayerEvidence(
                  g.name(),
                  g.statistic(),
                  g.pValue(),
                  g.units(),
                  g.matchedCosine(),
                  g.tensors(),
                  LayerEvidence.LayerTiming.NONE))
          .isEqualTo(
              new LayerEvidence(
                  w.name(),
                  w.statistic(),
                  w.pValue(),
                  w.units(),
                  w.matchedCosine(),
                  w.tensors(),
                  LayerEvidence.LayerTiming.NONE));
    }
  }
}
