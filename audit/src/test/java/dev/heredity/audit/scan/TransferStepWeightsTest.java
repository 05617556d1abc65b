package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.report.ProxyWeightRow;
import dev.heredity.audit.report.TransferEvidence;
import dev.heredity.detectors.ProgressListener;
import dev.heredity.transfer.TransferConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code scan --transfer-test} runs the weight test alongside, unless the weights check is off. */
class TransferStepWeightsTest {
  /** A tiny configuration: the numbers mean nothing, the plumbing is what is tested. */
  private static TransferConfig tiny() {
    TransferConfig d = TransferConfig.defaults();
    return new TransferConfig(
        2, d.aux(), 32, 1, 1, 2048, 1e-3, 256, d.data(), List.of(0.0, 1.0), 1L, 2, false);
  }

  @Test
  void aRunWithWeightsCarriesTheTableAndOneWithoutDoesNot() {
    TransferEvidence with = new TransferStep().run(tiny(), true, ProgressListener.NONE);
    assertThat(with.weights()).isNotNull();
    assertThat(with.weights().citation()).startsWith("Run here");
    assertThat(with.weights().rows())
        .extracting(ProxyWeightRow::arm)
        .contains("same-init", "cross-init", "sigma 1");
    assertThat(with.weights().rows()).allSatisfy(r -> assertThat(r.pairs()).isEqualTo(2));
    ProxyWeightRow same = with.weights().rows().get(0);
    assertThat(same.arm()).isEqualTo("same-init");
    assertThat(same.sharedInit()).as("a student started from its teacher's init").isEqualTo(2);

    assertThat(new TransferStep().run(tiny(), false, ProgressListener.NONE).weights()).isNull();
  }
}
