package dev.heredity.lineage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What a path names, so messages can say "is a directory" or "is a FIFO" instead of "missing", and
 * a FIFO or device is never opened (reading one can block forever or never end).
 */
public enum FileKind {
  REGULAR("a regular file"),
  DIRECTORY("a directory"),
  FIFO("a FIFO (named pipe)"),
  CHARACTER_DEVICE("a character device"),
  BLOCK_DEVICE("a block device"),
  SOCKET("a socket"),
  OTHER("not a regular file"),
  DANGLING_SYMLINK("a dangling symbolic link"),
  MISSING("missing");

  private static final int TYPE_MASK = 0170000;
  private static final int FIFO_BITS = 0010000;
  private static final int CHARACTER_BITS = 0020000;
  private static final int BLOCK_BITS = 0060000;
  private static final int SOCKET_BITS = 0140000;

  /** How messages name it: {@code a directory}, {@code a FIFO (named pipe)}... */
  public final String description;

  FileKind(String description) {
    this.description = description;
  }

  /** The kind of what {@code path} names, following symbolic links. */
  public static FileKind of(Path path) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException | SecurityException e) {
      return Files.isSymbolicLink(path) ? DANGLING_SYMLINK : MISSING;
    }
    if (attributes.isRegularFile()) {
      return REGULAR;
    }
    if (attributes.isDirectory()) {
      return DIRECTORY;
    }
    return special(path);
  }

  private static FileKind special(Path path) {
    try {
      Object mode = Files.getAttribute(path, "unix:mode");
      if (mode instanceof Integer bits) {
        return switch (bits & TYPE_MASK) {
          case FIFO_BITS -> FIFO;
          case CHARACTER_BITS -> CHARACTER_DEVICE;
          case BLOCK_BITS -> BLOCK_DEVICE;
          case SOCKET_BITS -> SOCKET;
          default -> OTHER;
        };
      }
    } catch (IOException
        | UnsupportedOperationException
        | IllegalArgumentException
        | SecurityException e) {
      // no unix view on this platform: fall through
    }
    return OTHER;
  }

  /** Whether the path exists, whatever it is (a dangling link does not). */
  public boolean exists() {
    return this != MISSING && this != DANGLING_SYMLINK;
  }
}
