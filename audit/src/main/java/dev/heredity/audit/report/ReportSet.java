package dev.heredity.audit.report;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes the reports of one scan as a set: every file is first written in full to a staging folder,
 * then the set is swapped into place, so a crashing writer or a full disk leaves the previous set
 * untouched.
 *
 * <p>When the output folder holds nothing but reports (or does not exist yet) and its parent is
 * writable, the staging folder sits beside it and the swap is two renames of whole folders: readers
 * see the old set or the new one, never a mix. Otherwise (the folder holds other files, is a mount
 * point or a symlink, or its parent is read-only) the staging folder sits inside it and the files
 * are renamed one by one after all of them were written, which leaves only the few microseconds of
 * five renames exposed. A lock file serialises scans into the same folder, across processes and
 * threads.
 */
public final class ReportSet {
  private static final String STAGING = ".staging-";
  private static final String OLD = ".old-";
  private static final ConcurrentHashMap<Path, Object> IN_PROCESS = new ConcurrentHashMap<>();

  private final List<ReportWriter> writers;

  public ReportSet(List<ReportWriter> writers) {
    this.writers = List.copyOf(writers);
  }

  /**
   * Writes every report into {@code outDir}; returns the files in writer order.
   *
   * @throws ReportException naming the path and the OS cause when the set cannot be written
   */
  public List<Path> write(AuditReport report, Path outDir) {
    Path out = outDir.toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent == null) {
      throw new ReportException(
          "cannot write the reports to " + out + ": not a folder for reports");
    }
    try {
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out)) {
        throw new ReportException(
            "cannot write the reports to " + out + ": it exists and is not a folder");
      }
      Files.createDirectories(parent);
      Path lockFile = lockFile(out);
      synchronized (IN_PROCESS.computeIfAbsent(lockFile, p -> new Object())) {
        try (FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock()) {
          return writeLocked(report, out, lockFile.getParent().equals(parent));
        }
      }
    } catch (IOException e) {
      throw new ReportException(
          "cannot write the reports to " + out + ": " + IoMessages.describe(e), e);
    }
  }

  /** The file names of the set, in writer order. */
  public List<String> fileNames() {
    return writers.stream().map(ReportWriter::fileName).toList();
  }

  /**
   * Beside the folder when its parent is writable (the folder itself may be swapped), else inside
   * it.
   */
  private static Path lockFile(Path out) throws IOException {
    Path beside = out.resolveSibling("." + out.getFileName() + ".lock");
    try {
      FileChannel.open(beside, StandardOpenOption.CREATE, StandardOpenOption.WRITE).close();
      return beside;
    } catch (FileSystemException e) {
      boolean readOnly =
          e instanceof AccessDeniedException
              || (e.getReason() != null && e.getReason().contains("Read-only"));
      if (!readOnly) {
        throw e;
      }
      Files.createDirectories(out);
      return out.resolve(".heredity.lock");
    }
  }

  private List<Path> writeLocked(AuditReport report, Path out, boolean parentWritable)
      throws IOException {
    Path parent = out.getParent();
    String prefix = "." + out.getFileName();
    if (parentWritable) {
      recover(parent, prefix, out);
    }
    boolean swapFolders = parentWritable && canSwapFolder(out);
    Path staging =
        swapFolders
            ? Files.createTempDirectory(parent, prefix + STAGING)
            : Files.createTempDirectory(Files.createDirectories(out), ".heredity" + STAGING);
    try {
      List<Path> staged = new ArrayList<>();
      for (ReportWriter writer : writers) {
        Path file = staging.resolve(writer.fileName());
        writeFile(file, w -> writer.write(report, w));
        staged.add(file);
      }
      if (swapFolders) {
        setMode(staging, "rwxr-xr-x");
        swapFolder(staging, out, parent, prefix);
        staging = null;
      } else {
        for (Path file : staged) {
          move(file, out.resolve(file.getFileName()));
        }
      }
    } finally {
      if (staging != null) {
        deleteTree(staging);
      }
    }
    return writers.stream().map(w -> out.resolve(w.fileName())).toList();
  }

  /**
   * The folder may be replaced whole only when it holds nothing but this set (and our own
   * leftovers).
   */
  private boolean canSwapFolder(Path out) throws IOException {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    if (Files.isSymbolicLink(out)
        || !Files.getFileStore(out).equals(Files.getFileStore(out.getParent()))) {
      return false;
    }
    Set<String> ours = new TreeSet<>(fileNames());
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(out)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (!ours.contains(name) && !isLeftover(name)) {
          return false;
        }
      }
    }
    return !isMountPoint(out);
  }

  /** Temp files of the per-file writer and staging folders of an interrupted run. */
  private boolean isLeftover(String name) {
    if (name.startsWith(".heredity" + STAGING) || name.equals(".heredity.lock")) {
      return true;
    }
    for (String file : fileNames()) {
      if (name.startsWith("." + file) && name.endsWith(".tmp")) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMountPoint(Path out) {
    try {
      Object here = Files.getAttribute(out, "unix:dev", LinkOption.NOFOLLOW_LINKS);
      Object above = Files.getAttribute(out.getParent(), "unix:dev");
      return !here.equals(above);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  private static void swapFolder(Path staging, Path out, Path parent, String prefix)
      throws IOException {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(parent, prefix + OLD);
    Files.delete(old); // only the unique name is wanted: rename(2) replaces no non-empty folder
    Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteTree(old);
  }

  /**
   * Undoes what an interrupted run left: a staging folder is dropped; an old set whose replacement
   * never arrived goes back in place, so the folder again holds one whole set.
   */
  private static void recover(Path parent, String prefix, Path out) throws IOException {
    List<Path> olds = new ArrayList<>();
    DirectoryStream.Filter<Path> ours = p -> p.getFileName().toString().startsWith(prefix + ".");
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, ours)) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (name.startsWith(prefix + STAGING)) {
          deleteTree(entry);
        } else if (name.startsWith(prefix + OLD)) {
          olds.add(entry);
        }
      }
    }
    for (Path old : olds) {
      if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      } else {
        deleteTree(old);
      }
    }
  }

  private interface Body {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes and syncs one file, so a full disk fails here and not after the swap. */
  private static void writeFile(Path file, Body body) throws IOException {
    try (FileOutputStream stream = new FileOutputStream(Files.createFile(file).toFile())) {
      Writer writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
      body.writeTo(writer);
      writer.flush();
      stream.getFD().sync();
    }
    setMode(file, "rw-r--r--");
  }

  private static void setMode(Path path, String mode) throws IOException {
    try {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
    } catch (UnsupportedOperationException notPosix) {
      // non-POSIX file systems keep their defaults
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Deletes a folder Heredity created (staging or old set): its files, then itself; best effort.
   */
  private static void deleteTree(Path dir) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
          deleteTree(entry);
        } else {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException e) {
      // best effort: the caller's own outcome matters more than a leftover hidden folder
    }
    try {
      Files.deleteIfExists(dir);
    } catch (IOException e) {
      // best effort, as above
    }
  }
}
