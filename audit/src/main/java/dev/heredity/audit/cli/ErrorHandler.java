package dev.heredity.audit.cli;

import dev.heredity.audit.report.IoMessages;
import dev.heredity.audit.report.ReportException;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.transfer.TransferInputException;
import dev.heredity.weights.InvalidWeightsException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one error path: prints {@code heredity: <message>} on stderr as one terminal-safe line (the
 * stack trace only with {@code --debug}) and maps the throwable to an exit code. Errors (out of
 * memory, stack overflow...) and unexpected exceptions are internal errors, exit 70, never 1, which
 * CI reads as findings.
 */
final class ErrorHandler implements IExecutionExceptionHandler {
  static final String DEBUG_HINT = "rerun with --debug and report it";

  /**
   * Where Jackson's limits are configured, as its parse messages name it ("exceeds the maximum
   * allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)"): a Java name, not the
   * user's business. Every library passes parser messages on as data, so they are cleaned here,
   * once.
   */
  private static final Pattern JACKSON_LIMIT_SOURCE =
      Pattern.compile(",\\s*from\\s*`[\\w.$]+\\(\\)`");

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
    return handle(ex, cmd.getErr(), debug(parseResult));
  }

  /**
   * Prints {@code failure} on {@code err} and returns its exit code; also used for {@link Error}s.
   */
  static int handle(Throwable failure, PrintWriter err, boolean debug) {
    int code = exitCode(failure);
    err.println("heredity: " + TerminalText.line(message(failure, code)));
    if (debug) {
      failure.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  static boolean debug(ParseResult parseResult) {
    if (parseResult == null) {
      return false;
    }
    List<String> args = parseResult.originalArgs();
    return args.contains("--debug");
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) {
      return ExitCodes.USAGE;
    }
    if (ex instanceof InvalidManifestException
        || ex instanceof InvalidInputException
        || ex instanceof TransferInputException
        || ex instanceof InvalidWeightsException
        || ex instanceof ReportException
        || ex instanceof IOException
        || ex instanceof UncheckedIOException) {
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.INTERNAL_ERROR;
  }

  static String message(Throwable ex, int code) {
    if (code == ExitCodes.INTERNAL_ERROR) {
      return internal(ex);
    }
    Throwable shown =
        ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
    if (shown instanceof NoSuchFileException nsf) {
      return nsf.getFile() + ": no such file";
    }
    if (shown instanceof IOException io) {
      return IoMessages.describe(io);
    }
    String message = shown.getMessage();
    if (message == null || message.isBlank()) {
      return shown.getClass().getSimpleName() + " (" + DEBUG_HINT + ")";
    }
    return JACKSON_LIMIT_SOURCE.matcher(message.strip()).replaceAll("");
  }

  /** An internal error in words a user can act on; the class names only help a bug report. */
  private static String internal(Throwable ex) {
    String what;
    if (ex instanceof OutOfMemoryError) {
      what =
          "out of memory (raise the heap with HEREDITY_JAVA_OPTS=-Xmx..., or lower the input limits)";
    } else if (ex instanceof StackOverflowError) {
      what = "internal error: stack overflow";
    } else {
      String detail =
          ex.getMessage() == null || ex.getMessage().isBlank()
              ? ""
              : ": " + ex.getMessage().strip();
      what = "internal error: " + ex.getClass().getSimpleName() + detail;
    }
    return what + " (a bug in Heredity or a limit it should have enforced: " + DEBUG_HINT + ")";
  }
}
