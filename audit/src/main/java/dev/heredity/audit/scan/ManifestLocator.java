package dev.heredity.audit.scan;

import dev.heredity.lineage.InvalidManifestException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Turns the scan argument into a manifest file: a folder means its heredity.yaml (or .yml, .json). */
public final class ManifestLocator {
    static final List<String> NAMES = List.of("heredity.yaml", "heredity.yml", "heredity.json");

    private ManifestLocator() {
    }

    public static Path resolve(Path argument) {
        if (!Files.isDirectory(argument)) {
            if (!Files.exists(argument)) {
                throw new InvalidManifestException(argument + ": no such file or folder");
            }
            return argument;
        }
        for (String name : NAMES) {
            Path candidate = argument.resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new InvalidManifestException(argument + ": no manifest in this folder (looked for "
                + String.join(", ", NAMES) + ")");
    }
}
