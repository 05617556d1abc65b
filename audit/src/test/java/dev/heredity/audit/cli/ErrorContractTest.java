package dev.heredity.audit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The error contract: anything unexpected, an {@link Error} included, is one terminal-safe line and
 * exit 70, never 1 (which a CI gate reads as findings). A test-only subcommand forces each kind for
 * real.
 */
class ErrorContractTest {

  enum Failure {
    OUT_OF_MEMORY,
    STACK_OVERFLOW,
    RUNTIME,
    ERROR_IN_INITIALIZER,
    ASSERTION,
    NEWLINE_MESSAGE
  }

  /** Registered only by this test; nothing like it ships in the CLI. */
  @Command(name = "boom")
  static final class Boom implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Option(names = "--kind")
    Failure kind;

    @Override
    public Integer call() {
      switch (kind) {
        case OUT_OF_MEMORY -> {
          long[] huge = new long[Integer.MAX_VALUE - 2]; // beyond the VM's array limit: a real OOM
          return huge.length;
        }
        case STACK_OVERFLOW -> {
          return recurse(0);
        }
        case RUNTIME -> throw new IllegalStateException("Index 0 out of bounds for length 0");
        case ERROR_IN_INITIALIZER ->
            throw new ExceptionInInitializerError(new IllegalStateException("static"));
        case ASSERTION -> throw new AssertionError("invariant");
        case NEWLINE_MESSAGE ->
            throw new IllegalStateException("first\nheredity: all checks passed\u001b[2J");
        default -> throw new IllegalArgumentException(String.valueOf(kind));
      }
    }

    private static int recurse(int depth) {
      return recurse(depth + 1) + 1;
    }
  }

  private static CliRun boom(Failure kind, String... extra) {
    CommandLine cli = HeredityCli.commandLine();
    cli.addSubcommand("boom", new Boom());
    String[] args = new String[2 + extra.length];
    args[0] = "boom";
    args[1] = "--kind=" + kind;
    System.arraycopy(extra, 0, args, 2, extra.length);
    return CliRun.of(cli, args);
  }

  @ParameterizedTest
  @EnumSource(Failure.class)
  void everyUnexpectedFailureIsOneLineAndExit70(Failure kind) {
    CliRun run = boom(kind);

    assertThat(run.exit()).isEqualTo(ExitCodes.INTERNAL_ERROR).isNotEqualTo(ExitCodes.FINDINGS);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .startsWith("heredity: ")
        .contains("rerun with --debug")
        .doesNotContain("\tat ");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void outOfMemoryAndStackOverflowAreNamedInWords() {
    assertThat(boom(Failure.OUT_OF_MEMORY).err()).contains("out of memory", "HEREDITY_JAVA_OPTS");
    assertThat(boom(Failure.STACK_OVERFLOW).err()).contains("stack overflow");
  }

  @Test
  void debugAddsTheStackTrace() {
    CliRun run = boom(Failure.STACK_OVERFLOW, "--debug");

    assertThat(run.exit()).isEqualTo(ExitCodes.INTERNAL_ERROR);
    assertThat(run.err()).contains("java.lang.StackOverflowError", "\tat ");
  }

  @Test
  void aMessageIsNeitherCutNorAllowedToForgeLinesOrEscapes() {
    CliRun run = boom(Failure.NEWLINE_MESSAGE);

    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err())
        .contains("first\\nheredity: all checks passed\\e[2J")
        .doesNotContain("\u001b");
  }

  /** V20: a parser limit is named by its number, not by the Java method that configures it. */
  @Test
  void parserLimitsAreWordedWithoutJacksonNames(@TempDir Path dir) throws IOException {
    String deep = "[".repeat(1100) + "]".repeat(1100);
    Path manifest =
        Files.writeString(
            dir.resolve("m.json"), "{\"heredity\": 1, \"description\": " + deep + "}");
    Path records = Files.writeString(dir.resolve("r.jsonl"), "{\"completion\": " + deep + "}\n");

    for (CliRun run :
        List.of(
            CliRun.of("lineage", "validate", manifest.toString()),
            CliRun.of("detect", "--suspect", records.toString()))) {
      assertThat(run.exit()).isEqualTo(ExitCodes.INVALID_INPUT);
      assertThat(run.errLines()).hasSize(1);
      assertThat(run.err())
          .contains("exceeds the maximum allowed (1000)")
          .doesNotContain("StreamReadConstraints", "`");
    }
  }

  @Test
  void lostStdoutIsExit3WithTheCause() {
    CommandLine cli = HeredityCli.commandLine();
    CliRun ignored = CliRun.of(cli, "--version"); // sets captured writers; replaced below
    OutputStream full =
        new OutputStream() {
          @Override
          public void write(int b) throws IOException {
            throw new IOException("No space left on device");
          }
        };
    java.io.StringWriter err = new java.io.StringWriter();
    cli.setOut(CheckedStdout.over(full));
    cli.setErr(new java.io.PrintWriter(err, true));

    int exit =
        cli.execute("lineage", "graph", Samples.owlManifest().toString(), "--format", "json");

    assertThat(ignored.exit()).isZero();
    assertThat(exit).isEqualTo(ExitCodes.INVALID_INPUT);
    assertThat(err.toString())
        .isEqualTo(
            "heredity: cannot write to standard output: No space left on device"
                + System.lineSeparator());
  }
}
