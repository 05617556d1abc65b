package dev.heredity.audit.cli;

import dev.heredity.audit.cli.weights.CompareCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code heredity weights}: tests on model weights. Without a subcommand, prints usage (exit 2).
 */
@Command(
    name = "weights",
    mixinStandardHelpOptions = true,
    description = "Tests on model weights: do two checkpoints share an initialisation?",
    subcommands = {CompareCommand.class})
public final class WeightsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("heredity: 'heredity weights' needs a subcommand: compare");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
