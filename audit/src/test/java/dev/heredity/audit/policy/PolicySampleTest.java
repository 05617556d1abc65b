package dev.heredity.audit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The policy's {@code sample}: a whole number, 0 = every record; anything else is located. */
class PolicySampleTest {
  @TempDir Path dir;

  private Policy load(String yaml) throws IOException {
    Path file = dir.resolve("heredity-policy.yaml");
    Files.writeString(file, yaml);
    return PolicyFile.load(file, "heredity-policy.yaml");
  }

  private void rejects(String yaml, String message) {
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage(message);
  }

  @Test
  void aWholeNumberIsTheSampleZeroIsEveryRecordAbsentIsNotGiven() throws IOException {
    assertThat(load("sample: 20000\n").sample()).isEqualTo(20000);
    assertThat(load("fail-on: high\nsample: 0\n").sample()).isZero();
    assertThat(load("fail-on: high\n").sample()).isNull();
    assertThat(load("").sample()).isNull();
    assertThat(Policy.defaults().sample()).isNull();
  }

  @Test
  void theSampleSurvivesTheCliOverridesOfFailOnAndAlpha() throws IOException {
    Policy policy = load("sample: 300\n").withAlpha(0.05).withFailOn(null);
    assertThat(policy.sample()).isEqualTo(300);
  }

  @Test
  void badValuesAreLocatedErrors() {
    rejects(
        "sample: -5\n",
        "heredity-policy.yaml:1:9: sample: must be a whole number from 0 (every record) to"
            + " 2147483647, found -5");
    rejects(
        "sample: 5000000000\n",
        "heredity-policy.yaml:1:9: sample: must be a whole number from 0 (every record) to"
            + " 2147483647, found 5000000000");
    rejects(
        "alpha: 0.01\nsample: 1.5\n",
        "heredity-policy.yaml:2:9: sample: expected a whole number of records, 0 (every record)"
            + " or more, found a number");
    rejects(
        "sample: many\n",
        "heredity-policy.yaml:1:9: sample: expected a whole number of records, 0 (every record)"
            + " or more, found 'many'");
    rejects(
        "sample: [1, 2]\n",
        "heredity-policy.yaml:1:9: sample: expected a whole number of records, 0 (every record)"
            + " or more, found a list");
    rejects("sample: 10\nsample: 20\n", "heredity-policy.yaml:2:1: 'sample' is given twice");
  }

  @Test
  void aTypoedKeyStaysAnError() {
    assertThatThrownBy(() -> load("samples: 100\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessage("heredity-policy.yaml:1:1: unknown key 'samples' (did you mean 'sample'?)");
  }
}
