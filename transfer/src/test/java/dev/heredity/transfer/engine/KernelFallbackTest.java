package dev.heredity.transfer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A JVM without jdk.incubator.vector must fall back to the scalar kernels instead of failing to
 * link.
 */
class KernelFallbackTest {

  /**
   * Entry point of the child JVM: trains a tiny network with {@link Kernels#best()} and prints its
   * name.
   */
  public static void main(String[] args) {
    Kernels k = Kernels.best();
    Network net =
        new Network(Mlp.initialise(new MlpShape(8, 5, 3), new java.util.SplittableRandom(1)), 4, k);
    net.forward(4);
    net.outputGradient()[0] = 1f;
    net.backwardAndStep(4, 1e-3f);
    System.out.println(k.name());
  }

  @Test
  void withoutTheVectorModuleTheScalarKernelsAreUsed() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    KernelFallbackTest.class.getName()))
            .redirectErrorStream(true)
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output.strip()).isEqualTo("scalar");
  }
}
