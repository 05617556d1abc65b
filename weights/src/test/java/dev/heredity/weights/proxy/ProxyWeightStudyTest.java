package dev.heredity.weights.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.transfer.ModelSink;
import dev.heredity.transfer.TrainingProgress;
import dev.heredity.transfer.TransferConfig;
import dev.heredity.transfer.TransferTest;
import dev.heredity.transfer.engine.Kernels;
import dev.heredity.weights.LayerEvidence;
import dev.heredity.weights.Verdict;
import dev.heredity.weights.WeightsOptions;
import dev.heredity.weights.WeightsResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyWeightStudyTest {
  @Test
  void sameInitStudentsShareTheirTeachersInitAndCrossInitStudentsDoNot() {
    TransferConfig config =
        new TransferConfig(3, 3, 32, 1, 1, 2048, 1e-3, 256, null, List.of(0.0, 1.0), 1L, 2);
    ProxyWeightStudy study = new ProxyWeightStudy(WeightsOptions.defaults());
    TransferTest.runWithEvidence(config, TrainingProgress.NONE, Kernels.best(), study);

    assertThat(study.results().get("same-init"))
        .hasSize(3)
        .allSatisfy(
            r -> {
              assertThat(r.verdict()).isEqualTo(Verdict.SHARED_INIT);
              assertThat(r.layers()).extracting(LayerEvidence::name).containsExactly("fc1", "fc2");
            });
    assertThat(study.results().get("cross-init"))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.INDEPENDENT));
    assertThat(study.results().get(ModelSink.sweepKey(1))).hasSize(3);
    ProxyWeightStudy.ArmSummary same = study.summary("same-init");
    assertThat(same.rate().rejected()).isEqualTo(3);
    assertThat(same.meanMatchedCosine())
        .isGreaterThan(study.summary(ModelSink.sweepKey(1)).meanMatchedCosine());
    assertThat(study.summary("cross-init").rate().upper95()).isLessThan(1);
  }

  @Test
  void clopperPearsonIntervalsAreExact() {
    RejectionRate none = RejectionRate.of(0, 20);
    assertThat(none.lower95()).isZero();
    assertThat(none.upper95()).isCloseTo(0.1684, org.assertj.core.data.Offset.offset(1e-4));
    RejectionRate all = RejectionRate.of(20, 20);
    assertThat(all.lower95()).isCloseTo(0.8316, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(all.upper95()).isEqualTo(1.0);
  }

  @Test
  void theWeightsOfATeacherAreTheProxyNamedTensors() {
    TransferConfig config =
        new TransferConfig(2, 3, 16, 1, 0, 256, 1e-3, 256, null, List.of(), 1L, 1);
    List<WeightsResult> seen = new java.util.ArrayList<>();
    ProxyWeightStudy study =
        new ProxyWeightStudy(WeightsOptions.defaults()) {
          @Override
          public void trained(String arm, int model, dev.heredity.transfer.engine.Mlp weights) {
            if (arm.equals("teacher")) {
              var t = ProxyTensors.of(weights, "t");
              assertThat(t.shapes().keySet())
                  .containsExactly("fc1.weight", "fc2.weight", "fc3.weight");
              assertThat(t.shapes().get("fc1.weight")).containsExactly(16, 784);
              assertThat(t.shapes().get("fc3.weight")).containsExactly(13, 16);
            }
            super.trained(arm, model, weights);
          }
        };
    TransferTest.runWithEvidence(config, TrainingProgress.NONE, Kernels.best(), study);
    // zero distillation epochs: the same-init student IS the init, which the teacher trained away
    // from
    seen.addAll(study.results().get("same-init"));
    assertThat(seen).allSatisfy(r -> assertThat(r.verdict()).isEqualTo(Verdict.SHARED_INIT));
  }
}
