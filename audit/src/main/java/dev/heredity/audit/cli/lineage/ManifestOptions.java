package dev.heredity.audit.cli.lineage;

import dev.heredity.lineage.LineageOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The manifest argument and the options every lineage subcommand shares; mixed in with {@code @Mixin}. */
public final class ManifestOptions {
    @Parameters(index = "0", paramLabel = "MANIFEST", description = "Lineage manifest (YAML, or JSON when it ends in .json), an OpenLineage event log (.jsonl) or a CycloneDX ML-BOM.")
    Path manifest;

    @Option(names = "--allow-outside", description = "Accept dataset paths that leave the manifest's folder.")
    boolean allowOutside;

    @Option(names = "--no-verify-hashes", description = "Do not hash present dataset files against their sha256.")
    boolean noVerifyHashes;

    @Option(names = "--strict", description = "Treat warnings (missing files, unattributed synthetic data) as errors (exit 3).")
    boolean strict;

    Path manifest() {
        return manifest;
    }

    LineageOptions lineageOptions() {
        return new LineageOptions(allowOutside, !noVerifyHashes);
    }
}
