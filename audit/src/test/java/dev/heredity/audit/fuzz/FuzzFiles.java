package dev.heredity.audit.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One scratch folder per harness; each fuzz input overwrites the same file in it. */
final class FuzzFiles {
  private final Path dir;

  FuzzFiles(String name) {
    try {
      dir = Files.createTempDirectory("heredity-fuzz-" + name);
      dir.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path write(String fileName, byte[] bytes) {
    try {
      Path file = dir.resolve(fileName);
      Files.write(file, bytes);
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
