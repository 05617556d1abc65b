package dev.heredity.audit.cli.lineage;

import dev.heredity.lineage.FileKind;
import dev.heredity.lineage.InvalidManifestException;
import dev.heredity.lineage.LineageAnalysis;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.ManifestProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The manifest argument and the options every lineage subcommand shares; mixed in with
 * {@code @Mixin}.
 */
public final class ManifestOptions {
  @Parameters(
      index = "0",
      paramLabel = "MANIFEST",
      description =
          "Lineage manifest (YAML, or JSON when it ends in .json), an OpenLineage event log (.jsonl) or a CycloneDX ML-BOM.")
  Path manifest;

  @Option(
      names = "--allow-outside",
      description = "Accept dataset paths that leave the manifest's folder.")
  boolean allowOutside;

  @Option(
      names = "--no-verify-hashes",
      description = "Do not hash present dataset files against their sha256.")
  boolean noVerifyHashes;

  @Option(
      names = "--strict",
      description =
          "Treat warnings (missing files, unattributed synthetic data) as errors (exit 3).")
  boolean strict;

  Path manifest() {
    return manifest;
  }

  LineageOptions lineageOptions() {
    return new LineageOptions(allowOutside, !noVerifyHashes);
  }

  /** {@link LineageAnalyzer#analyze}, with the manifest's problems worded for this command line. */
  LineageAnalysis analyze(PrintWriter err) {
    requireRegularFile();
    return worded(() -> LineageAnalyzer.analyze(this, err));
  }

  /**
   * A FIFO, device or socket named as such (never opened, so never waited on), not as "no such
   * file". A folder is fine: it is discovered.
   */
  void requireRegularFile() {
    FileKind kind = FileKind.of(manifest);
    if (kind != FileKind.REGULAR && kind != FileKind.MISSING && kind != FileKind.DIRECTORY) {
      throw new InvalidManifestException(
          manifest + ": is " + kind.description + ", not a regular file");
    }
  }

  /**
   * Runs {@code step}; its manifest problems come back worded in this command's terms (which option
   * would help).
   */
  static <T> T worded(Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidManifestException e) {
      throw reworded(e);
    }
  }

  static InvalidManifestException reworded(InvalidManifestException e) {
    if (e.details().stream().noneMatch(p -> p.code().equals(ManifestProblem.PATH_OUTSIDE_FOLDER))) {
      return e;
    }
    return InvalidManifestException.of(
        e.details().stream()
            .map(
                p ->
                    p.code().equals(ManifestProblem.PATH_OUTSIDE_FOLDER)
                        ? new ManifestProblem(
                            p.location(),
                            p.code(),
                            p.message() + " (pass --allow-outside to accept it)")
                        : p)
            .toList(),
        e);
  }
}
