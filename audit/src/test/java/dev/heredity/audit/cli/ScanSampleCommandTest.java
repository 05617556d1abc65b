package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scan --sample} on the command line: a bad value is a usage error (exit 2), a bad {@code
 * sample} in the manifest or the policy is invalid input (exit 3) named by file:line:column.
 */
class ScanSampleCommandTest {
  @TempDir Path dir;

  private CliRun scan(Path manifest, String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = "scan";
    args[1] = manifest.toString();
    args[2] = "--out";
    args[3] = dir.resolve("out").toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.of(args);
  }

  @Test
  void aBadFlagValueIsAUsageError() throws IOException {
    Path manifest = ScanFixtures.write(dir.resolve("pipeline"), ScanFixtures.UNTESTED);
    CliRun negative = scan(manifest, "--sample", "-1");
    assertThat(negative.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(negative.err()).contains("--sample");
    assertThat(scan(manifest, "--sample", "many").exit()).isEqualTo(ExitCodes.USAGE);
    CliRun withProfiles = scan(manifest, "--sample", "10", "--profiles", dir.toString());
    assertThat(withProfiles.exit()).isEqualTo(ExitCodes.USAGE);
    assertThat(withProfiles.err())
        .contains("--sample cannot be used with --profiles: the tests run on the cluster run's");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @Test
  void aBadSampleInTheManifestIsOneLocatedLineAndExitThree() throws IOException {
    Path manifest =
        ScanFixtures.write(
            dir.resolve("pipeline"),
            ScanFixtures.UNTESTED.replace(
                "    modality: numbers\n", "    modality: numbers\n    sample: -3\n"));
    CliRun run = scan(manifest);
    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("heredity.yaml:13:13: 'sample' must be a whole number from 0 to")
                    .doesNotContain("Exception"));
  }

  @Test
  void aBadSampleInThePolicyIsOneLocatedLineAndExitThree() throws IOException {
    Path manifest = ScanFixtures.write(dir.resolve("pipeline"), ScanFixtures.UNTESTED);
    Path policy = dir.resolve("policy.yaml");
    Files.writeString(policy, "fail-on: high\nsample: lots\n");
    CliRun run = scan(manifest, "--policy", policy.toString());
    assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains(
                        "policy.yaml:2:9: sample: expected a whole number of records, 0 (every"
                            + " record) or more, found 'lots'"));
  }
}
