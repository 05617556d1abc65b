package dev.heredity.audit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Placeholder: filled in by the issue that owns {@code heredity transfer-test}. */
@Command(name = "transfer-test", mixinStandardHelpOptions = true, description = "Run the built-in MNIST-proxy subliminal transfer experiment (same init vs cross init).")
public final class TransferTestCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        throw new UsageException("'heredity transfer-test' is not implemented yet");
    }
}
