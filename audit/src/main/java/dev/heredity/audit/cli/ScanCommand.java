package dev.heredity.audit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder: filled in by the issue that owns {@code heredity scan}. */
@Command(name = "scan", mixinStandardHelpOptions = true, description = "Audit a whole pipeline from its manifest and write reports (JSON, Markdown, HTML, SARIF, JUnit).")
public final class ScanCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UsageException("'heredity scan' is not implemented yet");
    }
}
