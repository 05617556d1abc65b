package dev.heredity.audit.cli.lineage;

import dev.heredity.audit.cli.CommonOptions;
import dev.heredity.audit.cli.ExitCodes;
import dev.heredity.audit.cli.TerminalText;
import dev.heredity.audit.scan.ManifestLoader;
import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.LineageAnalysis;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code heredity lineage validate}: every error of the manifest, one per line, or a one-line
 * summary.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check a lineage manifest and list all its errors.",
      "Checks structure, references, cycles, base agreement, paths and sha256 of present files. Errors"
          + " are printed one per line as file:line:column: message (exit 3); warnings do not fail unless "
          + "--strict."
    })
public final class ValidateCommand implements Callable<Integer> {
  @Mixin ManifestOptions options;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    LineageAnalysis analysis;
    options.requireRegularFile();
    try {
      analysis = ManifestLoader.analyze(options.manifest(), options.lineageOptions());
    } catch (InvalidManifestException original) {
      InvalidManifestException e = ManifestOptions.reworded(original);
      if (e.problems().size() == 1 || common.debug()) {
        throw e;
      }
      e.problems().forEach(problem -> err.println("heredity: " + TerminalText.line(problem)));
      err.flush();
      return ExitCodes.INVALID_INPUT;
    }
    List<Diagnostic> warnings = analysis.warnings();
    LineageAnalyzer.reportWarnings(warnings, options, err);
    var manifest = analysis.manifest();
    spec.commandLine()
        .getOut()
        .printf(
            "%s: valid (%d models, %d datasets, %d trainings, %d init groups; %d %s)%n",
            TerminalText.line(options.manifest()),
            manifest.models().size(),
            manifest.datasets().size(),
            manifest.trainings().size(),
            manifest.initGroups().size(),
            warnings.size(),
            warnings.size() == 1 ? "warning" : "warnings");
    return ExitCodes.CLEAN;
  }
}
