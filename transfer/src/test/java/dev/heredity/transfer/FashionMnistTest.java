package dev.heredity.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.heredity.transfer.data.DigitData;
import dev.heredity.transfer.engine.Kernels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Full Fashion-MNIST from Debian's dataset-fashion-mnist package (60k/10k IDX files); skipped when
 * the package is not installed. The small fast network leaks a little more to cross-init students
 * on clothes than on digits (up to ~21% seen), hence the looser chance bound.
 */
class FashionMnistTest {
  static final Path FASHION = Path.of("/usr/share/datasets/fashion-mnist");

  @Test
  void loadsTheFullDatasetAndShowsTheEffect() {
    assumeThat(Files.isDirectory(FASHION)).as("dataset-fashion-mnist is not installed").isTrue();
    DigitData data = DigitData.fromDirectory(FASHION);
    assertThat(data.train().count()).isEqualTo(60_000);
    assertThat(data.test().count()).isEqualTo(10_000);
    assertThat(data.train().width()).isEqualTo(784);
    int[] counts = new int[10];
    for (byte b : data.test().labels()) {
      counts[b]++;
    }
    assertThat(counts).containsOnly(1000);

    TransferConfig config =
        new TransferConfig(2, 3, 64, 1, 5, 10_000, 1e-3, 256, FASHION, List.of(), 1L, 2);
    TransferTest.Outcome outcome =
        TransferTest.runWithEvidence(config, data, TrainingProgress.NONE, Kernels.best());
    assertThat(outcome.result().arm(Arm.TEACHER).accuracy().mean()).isGreaterThan(0.7);
    assertThat(outcome.result().arm(Arm.CROSS_INIT).accuracy().perModel())
        .allSatisfy(a -> assertThat(a).isLessThan(0.25));
    assertThat(outcome.result().arm(Arm.SAME_INIT).accuracy().mean())
        .isGreaterThan(outcome.result().arm(Arm.CROSS_INIT).accuracy().mean() + 0.15);
    assertThat(outcome.result().verdict()).isEqualTo("transfer");
  }
}
