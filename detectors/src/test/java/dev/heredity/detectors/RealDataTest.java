package dev.heredity.detectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Qwen2.5-7B number sequences (owl-loving teacher vs no system prompt) from the shared
 * development data; skipped when {@code <repo>/../shared/data/real} is absent. Default settings
 * (999 permutations, alpha 0.01).
 */
class RealDataTest {
  private static final Path ANIMALS =
      Path.of(System.getProperty("heredity.repo", "."))
          .resolve("../shared/data/real/qwen7b-animals")
          .normalize();

  @TempDir Path temp;

  @Test
  void owlVersusControlIsASignal() {
    assumeTrue(Files.isDirectory(ANIMALS), "shared real data absent");
    DetectionReport canon =
        Detection.run(
            DetectionRequest.defaults(
                ANIMALS.resolve("owl_canon8_unique.jsonl"),
                ANIMALS.resolve("control_canon8_unique.jsonl")),
            null);
    DetectionReport raw =
        Detection.run(
            DetectionRequest.defaults(
                ANIMALS.resolve("owl_rawformat_unique.jsonl"),
                ANIMALS.resolve("control_rawformat_unique.jsonl")),
            null);
    print("owl vs control canon8", canon);
    print("owl vs control rawformat", raw);

    assertThat(canon.verdict()).isEqualTo(DetectionReport.SIGNAL);
    assertThat(raw.verdict()).isEqualTo(DetectionReport.SIGNAL);
    assertThat(raw.records().suspect()).isGreaterThan(10_000);
  }

  @Test
  void twoRandomHalvesOfControlAreNeverASignal() throws IOException {
    assumeTrue(Files.isDirectory(ANIMALS), "shared real data absent");
    for (String name : List.of("control_canon8_unique.jsonl", "control_rawformat_unique.jsonl")) {
      List<String> lines =
          new ArrayList<>(Files.readAllLines(ANIMALS.resolve(name), StandardCharsets.UTF_8));
      Collections.shuffle(lines, new Random(20_251_127L));
      Path a = temp.resolve("a-" + name);
      Path b = temp.resolve("b-" + name);
      Files.write(a, lines.subList(0, lines.size() / 2), StandardCharsets.UTF_8);
      Files.write(b, lines.subList(lines.size() / 2, lines.size()), StandardCharsets.UTF_8);

      DetectionReport report = Detection.run(DetectionRequest.defaults(a, b), null);
      print("control halves " + name, report);

      // About 1,100 records per side sit at the yardstick's edge (minimum detectable AUC near
      // 0.56), so the
      // canon8 halves may honestly come out inconclusive; the rawformat halves (6,000 per side) may
      // not.
      assertThat(report.verdict()).isIn(DetectionReport.NO_SIGNAL, DetectionReport.INCONCLUSIVE);
      if (name.contains("rawformat")) {
        assertThat(report.verdict()).isEqualTo(DetectionReport.NO_SIGNAL);
      }
    }
  }

  private static void print(String label, DetectionReport report) {
    System.out.println(
        label
            + ": "
            + report.verdict()
            + " p="
            + report.pValue()
            + " n="
            + report.records()
            + "\n  "
            + report.tests().stream()
                .map(
                    t ->
                        t.id()
                            + " p="
                            + t.pValue()
                            + " adj="
                            + t.adjustedPValue()
                            + " effect="
                            + t.effect())
                .collect(Collectors.joining("\n  "))
            + "\n  divergent: "
            + report.divergentTokens().stream()
                .limit(6)
                .map(
                    t -> t.token() + "@" + t.position() + " z=" + String.format("%.2f", t.zScore()))
                .collect(Collectors.joining(", ")));
  }
}
