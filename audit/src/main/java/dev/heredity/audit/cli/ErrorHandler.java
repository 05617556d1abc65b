package dev.heredity.audit.cli;

import dev.heredity.audit.report.ReportException;
import dev.heredity.detectors.InvalidInputException;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.transfer.TransferInputException;
import dev.heredity.weights.InvalidWeightsException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one error path: prints {@code heredity: <message>} on stderr (the stack trace only with
 * {@code --debug}) and maps the exception to an exit code.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        boolean debug = Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--debug");
        var err = cmd.getErr();
        err.println("heredity: " + message(ex));
        if (debug) {
            ex.printStackTrace(err);
        }
        err.flush();
        return exitCode(ex);
    }

    static int exitCode(Throwable ex) {
        if (ex instanceof UsageException || ex instanceof CommandLine.ParameterException) {
            return ExitCodes.USAGE;
        }
        if (ex instanceof InvalidManifestException || ex instanceof InvalidInputException
                || ex instanceof TransferInputException || ex instanceof InvalidWeightsException
                || ex instanceof ReportException || ex instanceof IOException
                || ex instanceof UncheckedIOException) {
            return ExitCodes.INVALID_INPUT;
        }
        return ExitCodes.INTERNAL_ERROR;
    }

    private static String message(Throwable ex) {
        Throwable shown = ex instanceof UncheckedIOException && ex.getCause() != null ? ex.getCause() : ex;
        if (shown instanceof NoSuchFileException nsf) {
            return nsf.getFile() + ": no such file";
        }
        String message = shown.getMessage();
        if (message == null || message.isBlank()) {
            return shown.getClass().getSimpleName() + " (run with --debug for details)";
        }
        return message.lines().findFirst().orElse(message);
    }
}
