package dev.heredity.audit.scan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The commit a folder's git work tree has checked out, read from the repository files themselves
 * ({@code .git/HEAD}, loose refs, {@code packed-refs}; linked work trees via {@code gitdir:} and
 * {@code commondir}), so no git binary is needed. Anything unreadable or unexpected gives empty:
 * the stamp then says the folder is not a git work tree rather than guessing.
 */
public final class GitHead {
  private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
  private static final long MAX_SMALL_FILE = 64 * 1024;
  private static final long MAX_PACKED_REFS = 64L * 1024 * 1024;
  private static final int MAX_SYMREF_DEPTH = 5;

  private GitHead() {}

  /** The HEAD commit of the work tree holding {@code folder}, or empty. */
  public static Optional<String> of(Path folder) {
    try {
      Path dir = folder.toAbsolutePath().normalize();
      for (; dir != null; dir = dir.getParent()) {
        Path dotGit = dir.resolve(".git");
        if (Files.isDirectory(dotGit)) {
          return head(dotGit);
        }
        if (Files.isRegularFile(dotGit)) {
          String line = small(dotGit).strip();
          if (!line.startsWith("gitdir:")) {
            return Optional.empty();
          }
          return head(dir.resolve(line.substring("gitdir:".length()).strip()).normalize());
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> head(Path gitDir) throws IOException {
    Path common = gitDir;
    Path commonDir = gitDir.resolve("commondir");
    if (Files.isRegularFile(commonDir)) {
      common = gitDir.resolve(small(commonDir).strip()).normalize();
    }
    String ref = small(gitDir.resolve("HEAD")).strip();
    for (int depth = 0; depth < MAX_SYMREF_DEPTH; depth++) {
      if (SHA.matcher(ref).matches()) {
        return Optional.of(ref);
      }
      if (!ref.startsWith("ref:")) {
        return Optional.empty();
      }
      String name = ref.substring("ref:".length()).strip();
      if (!name.startsWith("refs/") || name.contains("..")) {
        return Optional.empty();
      }
      Optional<String> next = loose(gitDir, name);
      if (next.isEmpty()) {
        next = loose(common, name);
      }
      if (next.isEmpty()) {
        return packed(common, name);
      }
      ref = next.get();
    }
    return Optional.empty();
  }

  private static Optional<String> loose(Path dir, String name) {
    Path file = dir.resolve(name);
    try {
      return Files.isRegularFile(file) ? Optional.of(small(file).strip()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> packed(Path common, String name) throws IOException {
    Path file = common.resolve("packed-refs");
    if (!Files.isRegularFile(file) || Files.size(file) > MAX_PACKED_REFS) {
      return Optional.empty();
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String line : lines) {
      int space = line.indexOf(' ');
      if (space > 0
          && line.substring(space + 1).equals(name)
          && SHA.matcher(line.substring(0, space)).matches()) {
        return Optional.of(line.substring(0, space));
      }
    }
    return Optional.empty();
  }

  private static String small(Path file) throws IOException {
    if (Files.size(file) > MAX_SMALL_FILE) {
      throw new IOException(file + ": larger than a git pointer file");
    }
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
