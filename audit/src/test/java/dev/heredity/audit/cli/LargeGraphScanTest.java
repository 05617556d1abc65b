package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Work is bounded by settings, not by the input's shape: a 100,000-deep chain and a 100,000-wide
 * fan both go through {@code scan} to a full report set (the HTML draws a bounded view and says
 * what it left out). Before, ELK's recursive layout overflowed the stack at about 5,000 nodes
 * (V11).
 */
class LargeGraphScanTest {
  private static final int N = 100_000;
  private static final Duration BUDGET = Duration.ofSeconds(60);

  @TempDir Path dir;

  /** A JSON manifest (the YAML reader caps documents at 3 M code points) of N models. */
  private Path manifest(String name, IntFunction<String> baseOf) throws IOException {
    Path file = dir.resolve(name + ".json");
    try (BufferedWriter w = Files.newBufferedWriter(file)) {
      w.write("{\"heredity\": 1, \"models\": [{\"id\": \"m0\"}");
      for (int i = 1; i < N; i++) {
        w.write(
            ",\n{\"id\": \"m"
                + i
                + "\", \"base\": [{\"model\": \""
                + baseOf.apply(i)
                + "\", \"relation\": \"finetune\"}]}");
      }
      w.write("]}\n");
    }
    return file;
  }

  private void scansToAFullSet(Path manifest) throws IOException {
    Path out = dir.resolve("out-" + manifest.getFileName());
    long start = System.nanoTime();

    CliRun run = CliRun.of("scan", manifest.toString(), "--out", out.toString(), "--quiet");

    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(run.exit()).as(run.err()).isIn(ExitCodes.CLEAN, ExitCodes.FINDINGS);
    for (String report :
        new String[] {"report.json", "report.md", "report.html", "report.sarif", "junit.xml"}) {
      assertThat(out.resolve(report)).isNotEmptyFile();
    }
    assertThat(Files.readString(out.resolve("report.html"))).contains("Drawn: 300 of 100000 nodes");
    assertThat(took).as("scan of " + manifest.getFileName()).isLessThan(BUDGET);
  }

  @Test
  void aHundredThousandDeepChain() throws IOException {
    scansToAFullSet(manifest("chain", i -> "m" + (i - 1)));
  }

  @Test
  void aHundredThousandWideFan() throws IOException {
    scansToAFullSet(manifest("fan", i -> "m0"));
  }
}
