package dev.heredity.audit.cli;

import dev.heredity.audit.report.AtomicFiles;
import dev.heredity.audit.scan.DiscoveredManifests;
import dev.heredity.discovery.Discovery;
import dev.heredity.discovery.DiscoveryResult;
import dev.heredity.discovery.write.JsonManifestWriter;
import dev.heredity.discovery.write.ManifestStyle;
import dev.heredity.discovery.write.YamlManifestWriter;
import dev.heredity.lineage.InvalidManifestException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code heredity discover}: a lineage manifest built from model and dataset folders, with the
 * evidence of each edge.
 */
@Command(
    name = "discover",
    mixinStandardHelpOptions = true,
    description = {
      "Build a lineage manifest from the artifacts in model and dataset folders.",
      "Reads model cards (base_model, base_model_relation, datasets), PEFT adapter_config.json, mergekit recipes,"
          + " GGUF headers, config.json, the Hugging Face cache layout, dataset cards, distilabel pipeline.yaml"
          + " and the model_name column of JSONL rows. Every entry and edge says where it came from and how sure"
          + " it is (declared, inferred, weak): as comments in YAML, as evidence fields in both formats.",
      "Inputs that cannot be read are listed on stderr (file and position) and counted; the walk never stops on"
          + " one. Paths in the output are relative to the output file's folder (stdout: the current folder)."
    })
public final class DiscoverCommand implements Callable<Integer> {
  /** Output formats. */
  public enum Format {
    yaml,
    json
  }

  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Folders (or files' folders) to discover.")
  List<Path> paths;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "yaml (default, evidence also as comments) or json.")
  Format format = Format.yaml;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write to FILE (temp file + rename) instead of stdout.")
  Path output;

  @Option(names = "--strict", description = "Exit 3 when any input could not be read.")
  boolean strict;

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new InvalidManifestException(p + ": no such file or folder");
      }
    }
    List<Path> roots =
        paths.stream().map(p -> Files.isDirectory(p) ? p : p.toAbsolutePath().getParent()).toList();
    DiscoveryResult result = Discovery.run(roots);
    Path folder = output == null ? Path.of("") : output.toAbsolutePath().getParent();
    ManifestStyle style = new ManifestStyle(folder, DiscoveredManifests.EVIDENCE_FIELDS);
    String text =
        format == Format.json
            ? JsonManifestWriter.write(result, style)
            : YamlManifestWriter.write(result, paths.stream().map(Path::toString).toList(), style);
    PrintWriter err = spec.commandLine().getErr();
    DiscoveredManifests.report(result, err);
    if (output == null) {
      PrintWriter out = spec.commandLine().getOut();
      out.print(text);
      out.flush();
    } else {
      AtomicFiles.write(output, w -> w.write(text));
      err.println("wrote " + TerminalText.line(output));
    }
    err.println(DiscoveredManifests.summary(result));
    err.flush();
    if (strict && !result.warnings().isEmpty()) {
      return ExitCodes.INVALID_INPUT;
    }
    return ExitCodes.CLEAN;
  }
}
