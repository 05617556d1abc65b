package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.CommonOptions;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.TerminalText;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageFinding;
import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.RiskPair;
import dev.heredity.lineage.Severity;
import dev.heredity.lineage.graph.GraphEdge;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code heredity lineage pairs}: teacher/student pairs with their severity, worst first. */
@Command(
    name = "pairs",
    mixinStandardHelpOptions = true,
    description = {
      "List teacher/student pairs linked by generated data, worst first.",
      "Every teacher whose generated data reaches a training run (directly or through derivedFrom) is "
          + "paired with the run's student, with the linking path, whether they share a base model, and a "
          + "severity; plus findings such as unattributed synthetic data. Exit 1 when anything is at or "
          + "above --fail-on."
    })
public final class PairsCommand implements Callable<Integer> {
  @Mixin ManifestOptions options;

  @Mixin CommonOptions common;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "table",
      description =
          "table (default) or json (one object {\"pairs\":[...],\"findings\":[...]} on stdout).")
  TextFormat format;

  @Option(
      names = "--fail-on",
      paramLabel = "SEVERITY",
      defaultValue = "high",
      description =
          "Exit 1 when a pair or finding is at or above this: critical, high (default), medium, low, info, or none.")
  String failOn;

  @Option(
      names = "--evidence",
      description =
          "After the table, list each hop of each pair with where it comes from"
              + " (the artifact and position a discovered manifest records, else the manifest line).")
  boolean evidence;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Severity threshold = FailThreshold.parse(failOn);
    PrintWriter out = spec.commandLine().getOut();
    LineageAnalysis analysis = options.analyze(spec.commandLine().getErr());
    if (format == TextFormat.json) {
      LineageJson.pairs(out, analysis.pairs(), analysis.findings());
    } else {
      printTable(analysis, out);
    }
    out.flush();
    return threshold != null && analysis.reaches(threshold) ? ExitCodes.FINDINGS : ExitCodes.CLEAN;
  }

  private void printTable(LineageAnalysis analysis, PrintWriter out) {
    if (!analysis.pairs().isEmpty()) {
      Table pairs = new Table("SEVERITY", "TEACHER", "STUDENT", "SHARED BASE", "PATH");
      for (RiskPair pair : analysis.pairs()) {
        pairs.row(
            pair.severity().label(),
            pair.teacher(),
            pair.student(),
            pair.sharedBase() ? "yes (" + String.join(", ", pair.sharedRoots()) + ")" : "no",
            String.join(" -> ", pair.path()));
      }
      pairs.print(out);
      out.println();
      out.println("Why:");
      for (RiskPair pair : analysis.pairs()) {
        out.println(
            TerminalText.line(
                "  " + pair.teacher() + " -> " + pair.student() + ": " + pair.reason()));
      }
      out.println();
      if (evidence) {
        printEvidence(analysis, out);
      }
    }
    if (!analysis.findings().isEmpty()) {
      out.println("Findings:");
      for (LineageFinding finding : analysis.findings()) {
        out.println(
            TerminalText.line(
                "  "
                    + finding.severity().label()
                    + "  ["
                    + finding.rule()
                    + "] "
                    + finding.message()
                    + " ("
                    + finding.location()
                    + ")"));
      }
      out.println();
    }
    out.println(summary(analysis));
  }

  private static void printEvidence(LineageAnalysis analysis, PrintWriter out) {
    out.println("Evidence:");
    for (RiskPair pair : analysis.pairs()) {
      out.println("  " + pair.teacher() + " -> " + pair.student() + " (" + pair.training() + "):");
      for (GraphEdge hop : analysis.hops(pair)) {
        String sources =
            hop.evidence().stream()
                .map(
                    e ->
                        Quoted.escape(e.source())
                            + (e.at() == null ? "" : " " + Quoted.escape(e.at()))
                            + " ["
                            + e.confidence().label()
                            + "]")
                .collect(Collectors.joining("; "));
        out.println(
            "    " + hop.source() + " -" + hop.relation() + "-> " + hop.target() + ": " + sources);
      }
    }
    out.println();
  }

  private static String summary(LineageAnalysis analysis) {
    Map<Severity, Long> counts = new EnumMap<>(Severity.class);
    analysis.pairs().forEach(p -> counts.merge(p.severity(), 1L, Long::sum));
    String bySeverity =
        counts.entrySet().stream()
            .map(e -> e.getValue() + " " + e.getKey().label())
            .collect(Collectors.joining(", "));
    int pairs = analysis.pairs().size();
    int findings = analysis.findings().size();
    return pairs
        + (pairs == 1 ? " pair" : " pairs")
        + (bySeverity.isEmpty() ? "" : " (" + bySeverity + ")")
        + ", "
        + findings
        + (findings == 1 ? " finding" : " findings");
  }
}
