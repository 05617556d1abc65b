package dev.heredity.audit.cli.lineage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

/** Writes a file through a temporary sibling and a rename, so readers never see half a file. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    static void write(Path target, Consumer<Writer> content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(folder);
            temp = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.accept(writer);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // best effort: the temp file is hidden and named after the target
                }
            }
        }
    }
}
