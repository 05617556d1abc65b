package dev.heredity.audit.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes a text file via a temp file in the same folder and a rename, so readers never see half a file. */
public final class AtomicFiles {

  /** A body that writes text. */
  @FunctionalInterface
  public interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code file} as UTF-8; any I/O failure becomes a {@link ReportException} naming the file. */
  public static void write(Path file, Body body) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = null;
    try {
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
        body.writeTo(out);
      }
      readableByAll(temp);
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new ReportException("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      if (temp != null) {
        try {
          Files.deleteIfExists(temp);
        } catch (IOException ignored) {
          // best effort: the original failure is what the caller needs to see
        }
      }
    }
  }

  /** Temp files are created owner-only; a report is meant to be read (rw-r--r--, where POSIX). */
  private static void readableByAll(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    } catch (UnsupportedOperationException notPosix) {
      // Windows and other non-POSIX file systems keep their defaults.
    }
  }

  private static void move(Path temp, Path target) throws IOException {
    try {
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
