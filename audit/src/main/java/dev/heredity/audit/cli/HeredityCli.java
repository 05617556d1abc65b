package dev.heredity.audit.cli;

import dev.heredity.audit.report.IoMessages;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** Entry point of the {@code heredity} command. */
@Command(
    name = "heredity",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Audits the lineage of synthetic training data for subliminal trait transfer:"
          + " which teacher/student pairs share a base model, whether generated data differs"
          + " statistically from a control set, and evidence that the effect is real."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:clean (nothing at or above the fail threshold)",
      "1:findings at or above the fail threshold",
      "2:usage error",
      "3:invalid input (manifest, dataset, policy...)",
      "70:internal error (a bug: rerun with --debug and report it)"
    },
    subcommands = {
      ScanCommand.class,
      LineageCommand.class,
      DetectCommand.class,
      TransferTestCommand.class,
      WeightsCommand.class,
      ExportCommand.class,
      DiscoverCommand.class,
      HelpCommand.class
    })
public final class HeredityCli implements Runnable {

  @Spec CommandSpec spec;

  @Option(
      names = "--no-color",
      description = "No colour in help (also: the NO_COLOR environment variable).")
  boolean noColor;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Builds the configured command line; tests call this and {@code execute} in-process. */
  public static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new HeredityCli());
    cli.setExecutionExceptionHandler(new ErrorHandler());
    cli.setExecutionStrategy(parseResult -> execute(cli, parseResult));
    cli.setParameterExceptionHandler(HeredityCli::handleParameterException);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setUsageHelpAutoWidth(true);
    if (System.getenv("NO_COLOR") != null) {
      cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    }
    return cli;
  }

  /**
   * Runs the chosen command; an {@link Error} (out of memory, stack overflow) becomes exit 70 like
   * any unexpected exception, and output lost on stdout becomes exit 3 instead of a silent success.
   */
  private static int execute(CommandLine cli, ParseResult parseResult) {
    if (parseResult.originalArgs().contains("--no-color")) {
      cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    }
    int code;
    try {
      code = new CommandLine.RunLast().execute(parseResult);
    } catch (Error e) {
      return ErrorHandler.handle(e, cli.getErr(), ErrorHandler.debug(parseResult));
    }
    if (cli.getOut() instanceof CheckedStdout stdout) {
      IOException failure = stdout.failure();
      if (failure != null) {
        cli.getErr()
            .println("heredity: cannot write to standard output: " + IoMessages.reason(failure));
        cli.getErr().flush();
        return ExitCodes.INVALID_INPUT;
      }
    }
    return code;
  }

  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    cmd.getErr().println("heredity: " + TerminalText.line(ex.getMessage()));
    cmd.getErr()
        .println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
    cmd.getErr().flush();
    return ExitCodes.USAGE;
  }

  /**
   * Lucene logs through java.util.logging; its vectorization notice ("Java vector incubator module
   * is not readable...") is not for Heredity's users. Held in a field: JUL keeps loggers only
   * weakly.
   */
  private static final Logger LUCENE_LOG = Logger.getLogger("org.apache.lucene");

  public static void main(String[] args) {
    if (!Arrays.asList(args).contains("--debug")) {
      LUCENE_LOG.setLevel(Level.SEVERE);
    }
    int code;
    try {
      CommandLine cli = commandLine();
      cli.setOut(CheckedStdout.open());
      code = cli.execute(args);
    } catch (
        Throwable
            t) { // anything that escaped picocli's handlers, an Error included: still one line, 70
      code =
          ErrorHandler.handle(
              t, new PrintWriter(System.err, true), Arrays.asList(args).contains("--debug"));
    }
    System.exit(code);
  }
}
