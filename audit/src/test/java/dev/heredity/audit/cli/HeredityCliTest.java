package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class HeredityCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = HeredityCli.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  void helpListsEveryCommandAndTheExitCodes() {
    assertThat(run("--help")).isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString())
        .contains("lineage", "detect", "transfer-test", "scan")
        .contains("Exit codes:", "invalid input");
  }

  @Test
  void noCommandPrintsUsage() {
    assertThat(run()).isEqualTo(ExitCodes.CLEAN);
    assertThat(out.toString()).startsWith("Usage: heredity");
  }

  @Test
  void unknownCommandIsAUsageErrorOnOneLineWithAHint() {
    assertThat(run("frobnicate")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).startsWith("heredity: Unmatched argument").contains("--help");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("--no-such-option")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown option");
  }

  @Test
  void exceptionsMapToTheDocumentedExitCodes() {
    assertThat(ErrorHandler.exitCode(new UsageException("x"))).isEqualTo(ExitCodes.USAGE);
    assertThat(
            ErrorHandler.exitCode(
                new dev.heredity.lineage.InvalidManifestException("m.yaml:1:1: x")))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(
            ErrorHandler.exitCode(new dev.heredity.detectors.InvalidInputException("d.jsonl:2: x")))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(
            ErrorHandler.exitCode(
                new dev.heredity.audit.report.ReportException("cannot write r.json")))
        .isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(ErrorHandler.exitCode(new IllegalStateException("bug")))
        .as("a crash must never look like findings to a CI gate")
        .isEqualTo(ExitCodes.INTERNAL_ERROR)
        .isNotEqualTo(ExitCodes.FINDINGS);
  }
}
