package dev.heredity.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {
  @TempDir Path dir;

  @Test
  void readsFindingIds() throws IOException {
    Path file = dir.resolve("report.json");
    Files.writeString(
        file,
        "{\"schema\":\"heredity-report/1\",\"findings\":[{\"id\":\"hf-1\"},{\"id\":\"hf-2\"}]}");
    Baseline baseline = Baseline.load(file, "old/report.json");
    assertThat(baseline.findingIds()).containsExactlyInAnyOrder("hf-1", "hf-2");
    assertThat(baseline.contains("hf-3")).isFalse();
  }

  @Test
  void rejectsOtherJsonAndBrokenJson() throws IOException {
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"pairs\":[]}");
    assertThatThrownBy(() -> Baseline.load(other, "other.json"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("not a heredity report");
    Path broken = dir.resolve("broken.json");
    Files.writeString(broken, "{\"schema\":");
    assertThatThrownBy(() -> Baseline.load(broken, "broken.json"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("broken.json:");
  }

  /** V10: a malformed baseline is an error naming the finding, never an empty baseline. */
  @Test
  void rejectsMalformedFindings() throws IOException {
    Path file = dir.resolve("report.json");
    for (String[] c :
        new String[][] {
          {
            "\"findings\":\"hf-1\"",
            "old.json: \"findings\" must be a list of findings, found string"
          },
          {"\"findings\":[{\"id\":\"hf-1\"},{\"rule\":\"x\"}]", "old.json: findings[1]: no \"id\""},
          {
            "\"findings\":[{\"id\":7}]",
            "old.json: findings[0]: \"id\" must be a non-empty text such as \"hf-0123456789ab\", found 7"
          }
        }) {
      Files.writeString(file, "{\"schema\":\"heredity-report/1\"," + c[0] + "}");
      assertThatThrownBy(() -> Baseline.load(file, "old.json"))
          .isInstanceOf(InvalidPolicyException.class)
          .hasMessage(c[1]);
    }
  }

  /**
   * V19 for baselines: bytes that are not UTF-8 are a located error, without Java exception names.
   */
  @Test
  void invalidUtf8IsLocated() throws IOException {
    Path file = dir.resolve("report.json");
    Files.write(
        file,
        "{\"schema\":\"heredity-report/1\",\n\"findings\":[\"\u00ff\"]}"
            .replace('\u00ff', 'X')
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 4] = (byte) 0xff;
    Files.write(file, bytes);
    assertThatThrownBy(() -> Baseline.load(file, "old.json"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageStartingWith("old.json:2:")
        .hasMessageContaining("invalid JSON")
        .message()
        .doesNotContain("java.")
        .doesNotContain("Exception");
  }
}
