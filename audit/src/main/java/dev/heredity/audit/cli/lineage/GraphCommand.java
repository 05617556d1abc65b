package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.CommonOptions;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.TerminalText;
import dev.heredity.audit.cli.UsageException;
import dev.heredity.audit.report.AtomicFiles;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.graph.GraphExporters;
import dev.heredity.lineage.graph.GraphFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heredity lineage graph}: the provenance graph as DOT, GraphML, JSON or Mermaid. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Export the provenance graph as DOT, GraphML, JSON or Mermaid.",
      "Models, datasets and trainings are nodes, shaped and coloured by kind; edges are labelled by "
          + "relation. Writes to stdout, or atomically (temp file + rename) to -o FILE."
    })
public final class GraphCommand implements Callable<Integer> {
  @Mixin ManifestOptions options;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "FORMAT",
      description = "dot, graphml, json or mermaid.")
  String format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (temp file + rename) instead of stdout.")
  Path output;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    GraphFormat graphFormat;
    try {
      graphFormat = GraphFormat.parse(format);
    } catch (IllegalArgumentException e) {
      throw new UsageException("invalid --format: " + e.getMessage());
    }
    LineageAnalysis analysis = options.analyze(spec.commandLine().getErr());
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      GraphExporters.write(analysis.graph(), graphFormat, out);
      out.flush();
    } else {
      AtomicFiles.write(
          output, writer -> GraphExporters.write(analysis.graph(), graphFormat, writer));
      spec.commandLine().getErr().println("wrote " + TerminalText.line(output));
    }
    return ExitCodes.CLEAN;
  }
}
