package dev.heredity.lineage.validate;

import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** Dataset files: paths stay inside the manifest's folder, present files match their sha256, absent ones are a warning. */
final class FileRules {
    private FileRules() {
    }

    static void check(Manifest manifest, LineageOptions options, Problems problems, List<Diagnostic> warnings) {
        Path folder = manifest.folder();
        for (DatasetSpec dataset : manifest.datasets()) {
            Path path = dataset.resolvedPath();
            if (path == null) {
                continue;
            }
            if (!options.allowOutside() && escapes(path, folder)) {
                problems.add(dataset.locationOf("path"), "path '" + dataset.path() + "' of dataset '" + dataset.id()
                        + "' escapes the manifest's folder (pass --allow-outside to accept it)");
                continue;
            }
            if (!Files.exists(path)) {
                warnings.add(new Diagnostic("missing-file", "file '" + dataset.path() + "' of dataset '" + dataset.id()
                        + "' is not present; only its lineage is checked", dataset.locationOf("path")));
            } else if (options.verifyHashes() && dataset.sha256() != null && Files.isRegularFile(path)) {
                String actual = sha256(path, dataset, problems);
                if (actual != null && !actual.equalsIgnoreCase(dataset.sha256())) {
                    problems.add(dataset.locationOf("sha256"), "sha256 mismatch for '" + dataset.path() + "': manifest says "
                            + dataset.sha256().toLowerCase(Locale.ROOT) + ", file has " + actual);
                }
            }
        }
    }

    private static boolean escapes(Path path, Path folder) {
        if (!path.startsWith(folder)) {
            return true;
        }
        try {
            return Files.exists(path) && !path.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    /** Streams the file through the digest: memory stays constant whatever the file's size. */
    static String sha256(Path path, DatasetSpec dataset, Problems problems) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading feeds the digest
            }
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            problems.add(dataset.locationOf("path"), "cannot read '" + dataset.path() + "' to check its sha256: " + e.getMessage());
            return null;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
