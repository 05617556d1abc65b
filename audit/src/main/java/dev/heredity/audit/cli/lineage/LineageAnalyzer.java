package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.TerminalText;
import dev.heredity.audit.scan.ManifestLoader;
import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.LineageAnalysis;
import java.io.PrintWriter;
import java.util.List;

/**
 * Runs the lineage analysis for a command: warnings go to stderr, and {@code --strict} turns them
 * into an error.
 */
final class LineageAnalyzer {
  private LineageAnalyzer() {}

  static LineageAnalysis analyze(ManifestOptions options, PrintWriter err) {
    LineageAnalysis analysis = ManifestLoader.analyze(options.manifest(), options.lineageOptions());
    reportWarnings(analysis.warnings(), options, err);
    return analysis;
  }

  static void reportWarnings(List<Diagnostic> warnings, ManifestOptions options, PrintWriter err) {
    warnings.forEach(w -> err.println(TerminalText.line(w.render())));
    err.flush();
    if (options.strict && !warnings.isEmpty()) {
      Diagnostic first = warnings.get(0);
      throw new InvalidManifestException(
          first
              .location()
              .format(
                  first.message()
                      + " (--strict: "
                      + warnings.size()
                      + (warnings.size() == 1 ? " warning" : " warnings")
                      + " treated as errors)"));
    }
  }
}
