package dev.heredity.discovery.walk;

import dev.heredity.discovery.DiscoveryLimits;
import dev.heredity.discovery.Warnings;
import dev.heredity.lineage.FileKind;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks folders depth-first in name order (the same tree always gives the same order), follows
 * symbolic links but enters each real folder once, and stops at the depth and file-count limits. A
 * link back to an ancestor is reported as a loop; every folder that cannot be listed, and every
 * FIFO, device or socket (never opened), is reported; nothing throws.
 */
public final class Walker {
  private final DiscoveryLimits limits;
  private final Warnings warnings;
  private final Set<Path> entered = new HashSet<>();
  private int files;
  private boolean fileCapReported;

  public Walker(DiscoveryLimits limits, Warnings warnings) {
    this.limits = limits;
    this.warnings = warnings;
  }

  /** Every folder under the roots (roots included) that holds at least one file. */
  public List<Folder> walk(List<Path> roots) {
    List<Folder> out = new ArrayList<>();
    for (Path root : roots) {
      Path start = root.toAbsolutePath().normalize();
      visit(start, start, 0, new HashSet<>(), out);
    }
    return out;
  }

  private void visit(Path root, Path dir, int depth, Set<Path> ancestors, List<Folder> out) {
    Path real;
    try {
      real = dir.toRealPath();
    } catch (IOException e) {
      warnings.add(
          "unreadable-folder", dir, "", "cannot resolve folder: " + e.getClass().getSimpleName());
      return;
    }
    if (ancestors.contains(real)) {
      warnings.add(
          "symlink-loop", dir, "", "symbolic link loops back to " + real + "; not entered again");
      return;
    }
    if (!entered.add(real)) {
      return;
    }
    List<Path> children = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
      stream.forEach(children::add);
    } catch (IOException | RuntimeException e) {
      warnings.add(
          "unreadable-folder", dir, "", "cannot list folder: " + e.getClass().getSimpleName());
      return;
    }
    children.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
    List<Path> regular = new ArrayList<>();
    List<Path> subdirs = new ArrayList<>();
    for (Path child : children) {
      String name = child.getFileName().toString();
      if (name.startsWith(".") && !name.equals(".cache")) {
        continue;
      }
      if (Files.isDirectory(child)) {
        subdirs.add(child);
      } else if (Files.isRegularFile(child)) {
        if (files >= limits.maxFiles()) {
          if (!fileCapReported) {
            fileCapReported = true;
            warnings.add(
                "file-limit",
                dir,
                "",
                "stopped after " + limits.maxFiles() + " files; the rest of the tree was not read");
          }
          break;
        }
        files++;
        regular.add(child);
      } else if (Files.isSymbolicLink(child) && !Files.exists(child)) {
        warnings.add("broken-link", child, "", "symbolic link to a missing target");
      } else {
        // A FIFO or device is never opened (reading one can block or never end), but an artifact
        // that is not read is still said and counted: its evidence is missing from the manifest.
        warnings.add(
            "special-file", child, "", "is " + FileKind.of(child).description + "; not read");
      }
    }
    if (!regular.isEmpty()) {
      out.add(new Folder(root, dir, regular));
    }
    if (depth >= limits.maxDepth()) {
      if (!subdirs.isEmpty()) {
        warnings.add(
            "depth-limit",
            dir,
            "",
            "not entering " + subdirs.size() + " subfolder(s) below depth " + limits.maxDepth());
      }
      return;
    }
    ancestors.add(real);
    for (Path sub : subdirs) {
      visit(root, sub, depth + 1, ancestors, out);
    }
    ancestors.remove(real);
  }
}
