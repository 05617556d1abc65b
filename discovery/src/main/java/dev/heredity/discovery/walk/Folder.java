package dev.heredity.discovery.walk;

import java.nio.file.Path;
import java.util.List;

/**
 * One folder reached by the walk and its regular files, sorted by name.
 *
 * @param root the discovery root it was reached from
 */
public record Folder(Path root, Path dir, List<Path> files) {
  public Folder {
    files = List.copyOf(files);
  }

  public String name() {
    Path name = dir.getFileName();
    return name == null ? dir.toString() : name.toString();
  }

  /** The file of that exact name, if the folder has one. */
  public java.util.Optional<Path> file(String fileName) {
    return files.stream().filter(f -> f.getFileName().toString().equals(fileName)).findFirst();
  }
}
