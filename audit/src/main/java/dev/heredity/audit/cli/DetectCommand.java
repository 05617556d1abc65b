package dev.heredity.audit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder: filled in by the issue that owns {@code heredity detect}. */
@Command(name = "detect", mixinStandardHelpOptions = true, description = "Compare a suspect dataset with a control set using record-level two-sample tests.")
public final class DetectCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UsageException("'heredity detect' is not implemented yet");
    }
}
