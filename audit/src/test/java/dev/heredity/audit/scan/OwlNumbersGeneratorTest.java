package dev.heredity.audit.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed sample data is exactly what the documented generator command writes. */
class OwlNumbersGeneratorTest {
  @TempDir Path dir;

  @Test
  void regeneratingTheSampleGivesTheCommittedBytes() throws IOException, InterruptedException {
    Path repo = ScanFixtures.repo();
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(),
                repo.resolve("samples/tools/OwlNumbersGenerator.java").toString(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("records per set: 600");
    for (String name : List.of("owl-numbers.jsonl", "control-numbers.jsonl")) {
      assertThat(Files.readAllBytes(dir.resolve(name)))
          .as(name)
          .isEqualTo(Files.readAllBytes(repo.resolve("samples/owl-numbers/data").resolve(name)));
    }
  }
}
