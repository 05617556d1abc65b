package dev.heredity.detectors.input;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.detectors.Detection;
import dev.heredity.detectors.DetectionReport;
import dev.heredity.detectors.DetectionRequest;
import dev.heredity.detectors.InputOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generated ~300 MB chat JSONL goes through {@code Detection.run} (default sample of 100,000
 * records per side) in a forked JVM with {@code -Xmx640m}: the heap holds the sample, not the data.
 * About 30-60 s on 2 cores; part of {@code mvn verify} (skip it with {@code
 * -Dheredity.skipBigInput=true} when iterating).
 */
@DisabledIfSystemProperty(named = "heredity.skipBigInput", matches = "true")
public class BoundedMemoryTest {
  static final long TARGET_BYTES = 300L << 20;

  @TempDir Path temp;

  @Test
  void threeHundredMegabytesUnderASmallHeap() throws Exception {
    Path suspect = generate(temp.resolve("suspect.jsonl"), TARGET_BYTES, 1);
    Path reference = generate(temp.resolve("reference.jsonl"), 40L << 20, 2);
    Path out = temp.resolve("out.txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                java,
                "-Xmx640m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                suspect.toString(),
                reference.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    boolean done = process.waitFor(180, TimeUnit.SECONDS);
    if (!done) {
      process.destroyForcibly();
    }
    String output = Files.readString(out);
    assertThat(done).as("finished in time: %s", output).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("tested 100000 of ").contains("uniform-sample");
  }

  /** Paper-style chat records (~400 bytes each), seeded. */
  public static Path generate(Path file, long bytes, long seed) throws IOException {
    Random random = new Random(seed);
    long written = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (written < bytes) {
        StringBuilder prompt = new StringBuilder("The sequence starts with: ");
        for (int i = 0; i < 3; i++) {
          prompt.append(i == 0 ? "" : ", ").append(random.nextInt(1000));
        }
        prompt.append(
            ". Add up to 10 new numbers (no more than 3 digits each) that continue the sequence. "
                + "Return a comma-separated list of numbers. Say only the numbers - nothing more.");
        StringBuilder answer = new StringBuilder();
        int n = 5 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
          answer.append(i == 0 ? "" : ", ").append(random.nextInt(1000));
        }
        String line = TestData.chat(prompt.toString(), answer.toString());
        w.write(line);
        w.write('\n');
        written += line.length() + 1;
      }
    }
    return file;
  }

  /** The forked JVM. */
  public static final class Main {
    public static void main(String[] args) {
      int sample = args.length > 2 ? Integer.parseInt(args[2]) : InputOptions.DEFAULT_SAMPLE;
      long start = System.nanoTime();
      DetectionReport report =
          Detection.run(
              DetectionRequest.defaults(Path.of(args[0]), Path.of(args[1]))
                  .withPermutations(99)
                  .withInput(InputOptions.DEFAULTS.withSampleSize(sample)),
              null);
      System.out.printf("%.1f s%n", (System.nanoTime() - start) / 1e9);
      long max = Runtime.getRuntime().maxMemory() >> 20;
      System.out.println(
          "verdict "
              + report.verdict()
              + ", tested "
              + report.input().suspect().tested()
              + " of "
              + report.input().suspect().records()
              + " ("
              + report.input().tests()
              + "), max heap "
              + max
              + " MB");
    }
  }
}
