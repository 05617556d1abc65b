package dev.heredity.audit.cli;

import dev.heredity.audit.cli.lineage.GraphCommand;
import dev.heredity.audit.cli.lineage.PairsCommand;
import dev.heredity.audit.cli.lineage.TraceCommand;
import dev.heredity.audit.cli.lineage.ValidateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code heredity lineage}: the provenance graph commands. Without a subcommand, prints usage (exit
 * 2).
 */
@Command(
    name = "lineage",
    mixinStandardHelpOptions = true,
    description =
        "Provenance graph: validate manifests, list same-base teacher/student pairs, trace trait propagation, export the graph.",
    subcommands = {
      ValidateCommand.class,
      PairsCommand.class,
      TraceCommand.class,
      GraphCommand.class
    })
public final class LineageCommand implements Callable<Integer> {
  @picocli.CommandLine.Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine()
        .getErr()
        .println(
            "heredity: 'heredity lineage' needs a subcommand: validate, pairs, trace or graph");
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
