package dev.heredity.audit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of the {@code heredity} command. */
@Command(
        name = "heredity",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Audits the lineage of synthetic training data for subliminal trait transfer:",
            "which teacher/student pairs share a base model, whether generated data differs",
            "statistically from a control set, and evidence that the effect is real."
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
            HelpCommand.class,
            LineageCommand.class,
            DetectCommand.class,
            TransferTestCommand.class,
            WeightsCommand.class,
            ScanCommand.class,
            ExportCommand.class,
            DiscoverCommand.class
        })
public final class HeredityCli implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the configured command line; tests call this and {@code execute} in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new HeredityCli());
        cli.setExecutionExceptionHandler(new ErrorHandler());
        cli.setParameterExceptionHandler(HeredityCli::handleParameterException);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        if (System.getenv("NO_COLOR") != null) {
            cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        }
        return cli;
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        cmd.getErr().println("heredity: " + ex.getMessage());
        cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        cmd.getErr().flush();
        return ExitCodes.USAGE;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
