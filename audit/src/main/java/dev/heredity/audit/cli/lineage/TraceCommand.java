package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.CommonOptions;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.TerminalText;
import dev.heredity.audit.cli.UsageException;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.Trace;
import dev.heredity.lineage.TraceHop;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heredity lineage trace}: the models a trait of one model may have spread to. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Follow a model's traits through generate -> train hops.",
      "Lists every model that may have inherited from --from through chains of teacher -> data -> "
          + "student -> data -> student ..., each hop marked same-base or cross-base. Models that start from"
          + " a reached model's weights (prompted, quantized, fine-tuned copies) pass it on too. Each reached"
          + " model is listed once, with its shortest chain; at most --max-hops rows (default 1000)."
    })
public final class TraceCommand implements Callable<Integer> {
  @Mixin ManifestOptions options;

  @Mixin CommonOptions common;

  @Option(
      names = "--from",
      required = true,
      paramLabel = "MODEL",
      description = "Id of the model whose trait to follow.")
  String from;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (default) or json.")
  TextFormat format;

  @Option(
      names = "--max-hops",
      paramLabel = "N",
      defaultValue = "1000",
      description =
          "List at most N reached models (1 to "
              + MAX_HOPS
              + "; default 1000). The total reached is always counted.")
  int maxHops;

  static final int MAX_HOPS = 1_000_000;

  /** Longer chains are shown in the table by their ends, so one row stays readable. */
  private static final int CHAIN_SHOWN = 8;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (maxHops < 1 || maxHops > MAX_HOPS) {
      throw new UsageException("--max-hops must be between 1 and " + MAX_HOPS + ", got " + maxHops);
    }
    PrintWriter out = spec.commandLine().getOut();
    LineageAnalysis analysis = options.analyze(spec.commandLine().getErr());
    if (analysis.graph().model(from).isEmpty()) {
      throw new UsageException(
          "--from " + Quoted.of(from) + ": no model with that id in " + options.manifest());
    }
    Trace trace = analysis.trace(from, maxHops);
    List<TraceHop> hops = trace.hops();
    List<String> reached = trace.listedModels();
    if (trace.truncated()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(
          "heredity: listing the first "
              + hops.size()
              + " of "
              + trace.reachedCount()
              + " models reached from "
              + Quoted.of(from)
              + " (raise --max-hops to list more)");
      err.flush();
    }
    if (format == TextFormat.json) {
      LineageJson.trace(out, from, hops, reached);
    } else if (hops.isEmpty()) {
      out.println(
          TerminalText.line(
              "No model was trained on data that "
                  + from
                  + " (or a copy of its weights) generated."));
    } else {
      Table table = new Table("DEPTH", "TEACHER", "STUDENT", "BASE", "VIA", "CHAIN");
      for (TraceHop hop : hops) {
        table.row(
            Integer.toString(hop.depth()),
            hop.teacher(),
            hop.student(),
            hop.sameBase() ? "same-base" : "cross-base",
            hop.training() + " (" + String.join(", ", hop.datasets()) + ")",
            chain(hop.chain()));
      }
      table.print(out);
      out.println();
      int total = trace.reachedCount();
      out.println(
          TerminalText.line(
              total
                  + (total == 1 ? " model" : " models")
                  + " reached from "
                  + from
                  + (trace.truncated() ? " (first " + reached.size() + " listed)" : "")
                  + ": "
                  + String.join(", ", reached)));
    }
    out.flush();
    return ExitCodes.CLEAN;
  }

  private static String chain(List<String> ids) {
    if (ids.size() <= CHAIN_SHOWN) {
      return String.join(" -> ", ids);
    }
    int half = CHAIN_SHOWN / 2;
    return String.join(" -> ", ids.subList(0, half))
        + " -> ... ("
        + (ids.size() - CHAIN_SHOWN)
        + " more) ... -> "
        + String.join(" -> ", ids.subList(ids.size() - half, ids.size()));
  }
}
