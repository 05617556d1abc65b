package dev.heredity.lineage.validate;

import dev.heredity.lineage.Diagnostic;
import dev.heredity.lineage.FileKind;
import dev.heredity.lineage.IoReasons;
import dev.heredity.lineage.LineageOptions;
import dev.heredity.lineage.ManifestProblem;
import dev.heredity.lineage.Quoted;
import dev.heredity.lineage.manifest.Checkpoint;
import dev.heredity.lineage.manifest.DatasetSpec;
import dev.heredity.lineage.manifest.DiscoverFolder;
import dev.heredity.lineage.manifest.Manifest;
import dev.heredity.lineage.manifest.ModelSpec;
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

/**
 * Dataset files and checkpoint paths: paths stay inside the manifest's folder, present files match
 * their sha256, absent ones are a warning. A declared sha256 is never skipped: a path that is a
 * directory, FIFO, device or dangling link cannot be hashed, and that is an error naming what the
 * path is. FIFOs and devices are never opened.
 */
final class FileRules {
  static final String MISSING_FILE = "missing-file";
  static final String NOT_REGULAR_FILE = "not-regular-file";
  static final String DANGLING_LINK = "dangling-symlink";
  static final String MISSING_CHECKPOINT = "missing-checkpoint";

  private FileRules() {}

  static void check(
      Manifest manifest, LineageOptions options, Problems problems, List<Diagnostic> warnings) {
    Path folder = manifest.folder();
    for (DatasetSpec dataset : manifest.datasets()) {
      Path path = dataset.resolvedPath();
      if (path == null) {
        continue;
      }
      String named = "file " + Quoted.of(dataset.path()) + " of dataset " + Quoted.of(dataset.id());
      if (!options.allowOutside() && escapes(path, folder)) {
        problems.add(
            dataset.locationOf("path"),
            ManifestProblem.PATH_OUTSIDE_FOLDER,
            "path "
                + Quoted.of(dataset.path())
                + " of dataset "
                + Quoted.of(dataset.id())
                + " escapes the manifest's folder");
        continue;
      }
      FileKind kind = FileKind.of(path);
      boolean hashed = options.verifyHashes() && dataset.sha256() != null;
      if (kind == FileKind.MISSING) {
        warnings.add(
            new Diagnostic(
                MISSING_FILE,
                named + " is not present; only its lineage is checked",
                dataset.locationOf("path")));
      } else if (kind != FileKind.REGULAR && hashed) {
        problems.add(
            dataset.locationOf("sha256"),
            "unhashable-path",
            "sha256 of dataset "
                + Quoted.of(dataset.id())
                + " cannot be checked: "
                + Quoted.of(dataset.path())
                + " is "
                + kind.description
                + ", not a regular file");
      } else if (kind == FileKind.DANGLING_SYMLINK) {
        warnings.add(
            new Diagnostic(
                DANGLING_LINK,
                named + " is " + kind.description + "; only its lineage is checked",
                dataset.locationOf("path")));
      } else if (kind != FileKind.REGULAR && kind != FileKind.DIRECTORY) {
        warnings.add(
            new Diagnostic(
                NOT_REGULAR_FILE,
                named + " is " + kind.description + "; it is not read",
                dataset.locationOf("path")));
      } else if (hashed) {
        String actual = sha256(path, dataset, problems);
        if (actual != null && !actual.equalsIgnoreCase(dataset.sha256())) {
          problems.add(
              dataset.locationOf("sha256"),
              "sha256-mismatch",
              "sha256 mismatch for "
                  + Quoted.of(dataset.path())
                  + ": manifest says "
                  + dataset.sha256().toLowerCase(Locale.ROOT)
                  + ", file has "
                  + actual);
        }
      }
    }
    for (ModelSpec model : manifest.models()) {
      Checkpoint checkpoint = model.checkpoint();
      if (checkpoint == null || checkpoint.resolvedPath() == null) {
        continue;
      }
      if (!options.allowOutside() && escapes(checkpoint.resolvedPath(), folder)) {
        problems.add(
            checkpoint.pathLocation(),
            ManifestProblem.PATH_OUTSIDE_FOLDER,
            "checkpoint path "
                + Quoted.of(checkpoint.path())
                + " of model "
                + Quoted.of(model.id())
                + " escapes the manifest's folder");
      } else {
        FileKind kind = FileKind.of(checkpoint.resolvedPath());
        String named =
            "checkpoint path "
                + Quoted.of(checkpoint.path())
                + " of model "
                + Quoted.of(model.id());
        if (kind == FileKind.MISSING) {
          warnings.add(
              new Diagnostic(
                  MISSING_CHECKPOINT,
                  named + " is not present; its weights cannot be checked",
                  checkpoint.pathLocation()));
        } else if (kind != FileKind.REGULAR && kind != FileKind.DIRECTORY) {
          warnings.add(
              new Diagnostic(
                  kind == FileKind.DANGLING_SYMLINK ? DANGLING_LINK : NOT_REGULAR_FILE,
                  named + " is " + kind.description + "; its weights cannot be checked",
                  checkpoint.pathLocation()));
        }
      }
    }
    for (DiscoverFolder discover : manifest.discover()) {
      FileKind kind = FileKind.of(discover.resolved());
      if (kind != FileKind.DIRECTORY) {
        problems.add(
            discover.location(),
            "discover-not-folder",
            "discover folder "
                + Quoted.of(discover.path())
                + " is "
                + kind.description
                + ", not a directory");
      } else if (escapes(discover.resolved(), folder)) {
        problems.add(
            discover.location(),
            "discover-outside-folder",
            "discover folder "
                + Quoted.of(discover.path())
                + " leads outside the manifest's folder");
      }
    }
  }

  private static boolean escapes(Path path, Path folder) {
    if (!path.startsWith(folder)) {
      return true;
    }
    try {
      return FileKind.of(path).exists() && !path.toRealPath().startsWith(folder.toRealPath());
    } catch (IOException e) {
      return false;
    }
  }

  /** Streams the file through the digest: memory stays constant whatever the file's size. */
  static String sha256(Path path, DatasetSpec dataset, Problems problems) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(path), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[1 << 16];
      while (in.read(buffer) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      problems.add(
          dataset.locationOf("path"),
          "unreadable-file",
          "cannot read " + Quoted.of(dataset.path()) + " to check its sha256: " + IoReasons.of(e));
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }
}
