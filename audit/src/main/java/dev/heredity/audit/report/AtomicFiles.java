package dev.heredity.audit.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a text file via a temp file in the same folder and a rename, so readers never see half a
 * file. Only a regular file is ever replaced: a device, FIFO, socket, folder or symbolic link at
 * the target is refused, because the rename would swap it for a plain file (as root, {@code -o
 * /dev/null} would replace the system's device node).
 */
public final class AtomicFiles {

  /** A body that writes text. */
  @FunctionalInterface
  public interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * Writes {@code file} as UTF-8; any I/O failure, or a target that is not a regular file, becomes
   * a {@link ReportException} naming the file and the cause.
   */
  public static void write(Path file, Body body) {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Path temp = null;
    try {
      refuseSpecial(file, target);
      Files.createDirectories(dir);
      temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
      try (Writer out = new BufferedWriter(Files.newBufferedWriter(temp, StandardCharsets.UTF_8))) {
        body.writeTo(out);
      }
      readableByAll(temp);
      move(temp, target);
      temp = null;
    } catch (IOException e) {
      throw new ReportException("cannot write " + file + ": " + IoMessages.reason(e), e);
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

  private static void refuseSpecial(Path shown, Path target) throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    BasicFileAttributes attributes =
        Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    String kind =
        attributes.isSymbolicLink()
            ? "a symbolic link"
            : attributes.isDirectory()
                ? "a folder"
                : attributes.isOther() ? "a device, FIFO or socket" : null;
    if (kind != null) {
      throw new ReportException(
          "cannot write "
              + shown
              + ": it is "
              + kind
              + ", not a regular file; Heredity only replaces regular files (write to stdout and redirect instead)");
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
