package dev.heredity.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileJobArgumentsTest {
  @Test
  void parsesEveryOption() {
    ProfileJob.Arguments a =
        ProfileJob.parse(
            new String[] {
              "--manifest",
              "m.yaml",
              "--out",
              "o",
              "--sample",
              "5",
              "--seed",
              "-3",
              "--dataset",
              "a",
              "--dataset",
              "b",
              "--master",
              "local[2]",
              "--skip-bad"
            });
    assertThat(a)
        .isEqualTo(
            new ProfileJob.Arguments(
                Path.of("m.yaml"),
                Path.of("o"),
                5,
                -3,
                java.util.List.of("a", "b"),
                "local[2]",
                true));
  }

  @Test
  void badValuesAreUsageErrors() {
    assertThatThrownBy(
            () ->
                ProfileJob.parse(new String[] {"--manifest", "m", "--out", "o", "--sample", "-1"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--sample must be in 0..10000000, got -1");
    assertThatThrownBy(
            () -> ProfileJob.parse(new String[] {"--manifest", "m", "--out", "o", "--seed", "x"}))
        .hasMessage("--seed takes a whole number, got 'x'");
    assertThatThrownBy(() -> ProfileJob.parse(new String[] {"--manifest", "m"}))
        .hasMessageStartingWith("usage:");
    assertThatThrownBy(() -> ProfileJob.parse(new String[] {"--manfest", "m"}))
        .hasMessageStartingWith("unknown option --manfest");
    assertThatThrownBy(() -> ProfileJob.parse(new String[] {"--out"}))
        .hasMessage("missing value for --out");
  }
}
