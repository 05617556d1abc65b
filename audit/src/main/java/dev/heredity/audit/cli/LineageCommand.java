package dev.heredity.audit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder: filled in by the issue that owns {@code heredity lineage}. */
@Command(name = "lineage", mixinStandardHelpOptions = true, description = "Provenance graph: validate manifests, list same-base teacher/student pairs, trace trait propagation, export the graph.")
public final class LineageCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UsageException("'heredity lineage' is not implemented yet");
    }
}
