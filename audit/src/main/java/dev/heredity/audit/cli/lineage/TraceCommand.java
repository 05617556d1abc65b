package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.TerminalText;
import dev.heredity.audit.cli.CommonOptions;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.UsageException;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.TraceHop;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heredity lineage trace}: the models a trait of one model may have spread to. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = {"Follow a model's traits through generate -> train hops.",
            "Lists every model that may have inherited from --from through chains of teacher -> data -> "
                + "student -> data -> student ..., each hop marked same-base or cross-base. Models that start from"
                + " a reached model's weights (prompted, quantized, fine-tuned copies) pass it on too."})
public final class TraceCommand implements Callable<Integer> {
    @Mixin
    ManifestOptions options;

    @Mixin
    CommonOptions common;

    @Option(names = "--from", required = true, paramLabel = "MODEL", description = "Id of the model whose trait to follow.")
    String from;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default) or json.")
    TextFormat format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        LineageAnalysis analysis = Analyses.run(options, spec.commandLine().getErr());
        if (analysis.graph().model(from).isEmpty()) {
            throw new UsageException("--from '" + from + "': no model with that id in " + options.manifest());
        }
        List<TraceHop> hops = analysis.trace(from);
        List<String> reached = List.copyOf(new TreeSet<>(hops.stream().map(TraceHop::student).toList()));
        if (format == TextFormat.json) {
            LineageJson.trace(out, from, hops, reached);
        } else if (hops.isEmpty()) {
            out.println(TerminalText.line("No model was trained on data that " + from + " (or a copy of its weights) generated."));
        } else {
            Table table = new Table("DEPTH", "TEACHER", "STUDENT", "BASE", "VIA", "CHAIN");
            for (TraceHop hop : hops) {
                table.row(Integer.toString(hop.depth()), hop.teacher(), hop.student(),
                        hop.sameBase() ? "same-base" : "cross-base",
                        hop.training() + " (" + String.join(", ", hop.datasets()) + ")",
                        String.join(" -> ", hop.chain()));
            }
            table.print(out);
            out.println();
            out.println(TerminalText.line(reached.size() + (reached.size() == 1 ? " model" : " models") + " reached from "
                    + from + ": " + String.join(", ", reached)));
        }
        out.flush();
        return ExitCodes.CLEAN;
    }
}
