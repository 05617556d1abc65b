package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.heredity.audit.scan.ScanFixtures;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What CI users expect from a scanner: --fail-on none, a silent --quiet, scan first, version and
 * commit.
 */
class CliConventionsTest {
  @TempDir Path dir;

  private CliRun scan(String... extra) throws IOException {
    Path manifest = ScanFixtures.write(dir.resolve("p"), ScanFixtures.UNTESTED);
    String[] args = new String[4 + extra.length];
    args[0] = "scan";
    args[1] = manifest.toString();
    args[2] = "--out";
    args[3] = dir.resolve("out").toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    return CliRun.of(args);
  }

  @Test
  void failOnNoneReportsFindingsButExitsZero() throws IOException {
    assertThat(scan().exit()).as("the fixture has a high finding").isEqualTo(ExitCodes.FINDINGS);

    CliRun run = scan("--fail-on", "none");

    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(run.out()).contains("high");
    assertThat(dir.resolve("out/report.sarif")).exists();
  }

  @Test
  void quietIsSilentOnSuccess() throws IOException {
    CliRun run = scan("--quiet", "--fail-on", "none");

    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(dir.resolve("out/report.json")).exists();
  }

  @Test
  void quietStillSaysWhyItFails() throws IOException {
    CliRun run = scan("--quiet");

    assertThat(run.exit()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).contains("failing").doesNotContain("reports written");
  }

  @Test
  void unknownFailOnListsNone() throws IOException {
    assertThat(scan("--fail-on", "never").err()).contains("none");
  }

  @Test
  void scanIsTheFirstCommandInHelp() {
    String help = CliRun.of("--help").out();
    String commands = help.substring(help.indexOf("Commands:"));

    assertThat(commands.lines().skip(1).findFirst().orElseThrow().strip()).startsWith("scan");
  }

  @Test
  void versionNamesTheVersionAndTheCommit() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exit()).isEqualTo(ExitCodes.CLEAN);
    assertThat(run.out())
        .startsWith("heredity ")
        .containsPattern("\\(commit ([0-9a-f]{7,40}|unknown)\\)");
  }

  @Test
  void noColorTurnsOffColourEvenWhereItWouldBeOn() {
    String previous = System.getProperty("picocli.ansi");
    System.setProperty("picocli.ansi", "true");
    try {
      assertThat(CliRun.of("scan", "--help").out()).as("forced colour").contains("\u001b[");
      assertThat(CliRun.of("scan", "--no-color", "--help").out()).doesNotContain("\u001b[");
      assertThat(CliRun.of("--no-color", "--help").out()).doesNotContain("\u001b[");
    } finally {
      if (previous == null) {
        System.clearProperty("picocli.ansi");
      } else {
        System.setProperty("picocli.ansi", previous);
      }
    }
  }
}
