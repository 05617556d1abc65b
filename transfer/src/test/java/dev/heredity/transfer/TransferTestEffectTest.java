package dev.heredity.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.transfer.data.DigitData;
import dev.heredity.transfer.engine.Kernels;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine is right when the effect appears: on a fast configuration (hidden 64, 10k noise
 * images, lr 1e-3, batch 256) same-init students learn digits they never saw, cross-init students
 * stay at chance. A few seconds on two cores.
 */
class TransferTestEffectTest {
  static final DigitData DATA = DigitData.embedded();

  static TransferConfig fast(int models, int aux, int noise, int epochsDistill) {
    return new TransferConfig(
        models, aux, 64, 3, epochsDistill, noise, 1e-3, 256, null, List.of(), 1L, 2);
  }

  static TransferTest.Outcome positive;
  static long progressCalls;

  @BeforeAll
  static void runFastExperiment() {
    AtomicLong calls = new AtomicLong();
    TrainingProgress progress =
        (task, done, total) -> {
          calls.incrementAndGet();
          assertThat(done).isBetween(1L, total);
        };
    positive =
        TransferTest.runWithEvidence(
            fast(3, 3, 10_000, 5).withSigmas(List.of(0.0, 3.0)), DATA, progress, Kernels.best());
    progressCalls = calls.get();
  }

  private static Accuracy arm(TransferTest.Outcome outcome, Arm arm) {
    return outcome.result().arm(arm).accuracy();
  }

  @Test
  void sameInitStudentsLearnTheDigitsAndCrossInitStudentsStayAtChance() {
    Accuracy teacher = arm(positive, Arm.TEACHER);
    Accuracy same = arm(positive, Arm.SAME_INIT);
    Accuracy cross = arm(positive, Arm.CROSS_INIT);
    assertThat(teacher.mean()).isGreaterThan(0.75);
    assertThat(cross.perModel()).allSatisfy(a -> assertThat(a).isBetween(0.02, 0.2));
    assertThat(same.mean()).isGreaterThan(cross.mean() + 0.15);
    assertThat(same.perModel()).allSatisfy(a -> assertThat(a).isGreaterThan(0.2));
    assertThat(positive.result().verdict()).isEqualTo("transfer");
    assertThat(positive.evidence().pValue()).isLessThan(1e-6);
    assertThat(positive.result().arms().keySet())
        .containsExactly("teacher", "reference", "same-init", "cross-init");
    assertThat(progressCalls).isPositive();
  }

  @Test
  void perturbSweepStartsAtSameInitAndFallsToChanceForALargeSigma() {
    List<SweepPoint> sweep = positive.result().sweep();
    assertThat(sweep).extracting(SweepPoint::sigma).containsExactly(0.0, 3.0);
    assertThat(sweep.get(0).accuracy()).isEqualTo(arm(positive, Arm.SAME_INIT));
    assertThat(sweep.get(1).accuracy().mean()).isLessThan(0.2);
  }

  @Test
  void oneAuxiliaryLogitCarriesNoSignal() {
    // softmax over a single logit is constant: zero gradient, the students never move from their
    // init
    TransferTest.Outcome outcome =
        TransferTest.runWithEvidence(
            fast(2, 1, 2048, 1), DATA, TrainingProgress.NONE, Kernels.best());
    assertThat(arm(outcome, Arm.SAME_INIT).perModel())
        .isEqualTo(arm(outcome, Arm.REFERENCE).perModel());
    assertThat(outcome.result().verdict()).isEqualTo("no-transfer");
  }

  @Test
  void sameSeedGivesIdenticalResultsForAnyThreadCount() {
    TransferConfig config = fast(2, 3, 2048, 1).withControls(true);
    TransferResult one =
        TransferTest.runWithEvidence(
                config.withThreads(1), DATA, TrainingProgress.NONE, Kernels.best())
            .result();
    TransferResult two =
        TransferTest.runWithEvidence(
                config.withThreads(2), DATA, TrainingProgress.NONE, Kernels.best())
            .result();
    assertThat(one.arms()).isEqualTo(two.arms());
    assertThat(one.arms().keySet())
        .containsExactly(
            "teacher",
            "reference",
            "same-init",
            "cross-init",
            "same-init-all-logits",
            "cross-init-all-logits");
  }
}
