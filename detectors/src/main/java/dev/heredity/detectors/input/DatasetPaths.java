package dev.heredity.detectors.input;

import dev.heredity.detectors.InvalidInputException;
import dev.heredity.detectors.InvalidInputException.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Turns a dataset path into its data files, in a stable (sorted) order: a file is itself; a folder is
 * every data file below it (hidden entries and metadata skipped), as in the Hugging Face layouts
 * {@code data/train-00000-of-00004.parquet} and {@code train/part-0.jsonl.gz}; a path with {@code * ? [ {}
 * is a glob below its longest literal folder. A split keeps the files whose folder or name prefix is the
 * split. Anything that is not a readable data file is named as what it is (folder, FIFO, device, dangling
 * link), never "missing".
 */
public final class DatasetPaths {
  /** Extensions read inside a folder (each also with {@code .gz}). */
  public static final List<String> DATA_EXTENSIONS =
      List.of(".jsonl", ".ndjson", ".json", ".csv", ".parquet", ".txt");

  private static final Set<String> METADATA =
      Set.of("dataset_info.json", "dataset_dict.json", "state.json");

  /** Folder or file-name prefixes that name a split. */
  private static final List<String> SPLIT_NAMES =
      List.of("train", "validation", "valid", "dev", "test", "eval");

  private static final int MAX_FILES = 100_000;

  private DatasetPaths() {}

  public static List<Path> resolve(Path path, String split) {
    String text = path.toString();
    if (isGlob(text)) {
      return glob(path, split);
    }
    requireReadable(path);
    if (Files.isRegularFile(path)) {
      return split == null
          ? List.of(path)
          : withSplit(path.toAbsolutePath().getParent(), List.of(path), split, path);
    }
    List<Path> files = walk(path, f -> isDataFile(path.relativize(f)));
    if (files.isEmpty()) {
      throw new InvalidInputException(
          Problem.NO_DATA_FILES, path + ": folder holds no data files", DATA_EXTENSIONS, null);
    }
    return withSplit(path, files, split, path);
  }

  /** Whether the path is a glob pattern rather than a file or folder name. */
  public static boolean isGlob(String path) {
    return path.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
  }

  private static List<Path> glob(Path pattern, String split) {
    Path root = pattern.getRoot();
    Path base = root == null ? Path.of("") : root;
    int literal = 0;
    while (literal < pattern.getNameCount() - 1 && !isGlob(pattern.getName(literal).toString())) {
      base = base.resolve(pattern.getName(literal));
      literal++;
    }
    Path rest = pattern.subpath(literal, pattern.getNameCount());
    Path folder = base.toString().isEmpty() ? Path.of(".") : base;
    if (!Files.isDirectory(folder)) {
      throw new InvalidInputException(
          Problem.NO_DATA_FILES, pattern + ": no such folder " + folder, List.of(), null);
    }
    PathMatcher matcher =
        FileSystems.getDefault().getPathMatcher("glob:" + rest.toString().replace("\\", "/"));
    Path finalFolder = folder;
    List<Path> files = walk(folder, f -> matcher.matches(finalFolder.relativize(f)));
    if (files.isEmpty()) {
      throw new InvalidInputException(
          Problem.NO_DATA_FILES, pattern + ": the pattern matches no files", List.of(), null);
    }
    return withSplit(folder, files, split, pattern);
  }

  private static List<Path> walk(Path folder, java.util.function.Predicate<Path> keep) {
    try (Stream<Path> entries = Files.walk(folder)) {
      List<Path> files =
          entries
              .filter(f -> !f.equals(folder))
              .filter(f -> !hidden(folder.relativize(f)))
              .filter(f -> Files.isRegularFile(f))
              .filter(keep)
              .limit(MAX_FILES + 1L)
              .sorted()
              .toList();
      if (files.size() > MAX_FILES) {
        throw new InvalidInputException(folder + ": more than " + MAX_FILES + " data files");
      }
      return files;
    } catch (IOException e) {
      throw new InvalidInputException(folder + ": cannot list the folder: " + e.getMessage());
    } catch (UncheckedIOException e) {
      throw new InvalidInputException(
          folder + ": cannot list the folder: " + e.getCause().getMessage());
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        return true;
      }
    }
    return false;
  }

  static boolean isDataFile(Path relative) {
    String name = relative.getFileName().toString().toLowerCase(Locale.ROOT);
    if (METADATA.contains(name)) {
      return false;
    }
    String base = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    return DATA_EXTENSIONS.stream().anyMatch(base::endsWith);
  }

  /**
   * Keeps the files of {@code split}; without a split, refuses files of several splits (mixing
   * train and test would compare the wrong records).
   */
  private static List<Path> withSplit(Path folder, List<Path> files, String split, Path shown) {
    Set<String> splits = new TreeSet<>();
    for (Path f : files) {
      String s = splitOf(relative(folder, f));
      if (s != null) {
        splits.add(s);
      }
    }
    if (split == null) {
      if (splits.size() > 1) {
        throw new InvalidInputException(
            Problem.SPLIT_REQUIRED,
            shown + ": holds the splits " + String.join(", ", splits) + "; choose one",
            List.copyOf(splits),
            null);
      }
      return files;
    }
    String wanted = split.toLowerCase(Locale.ROOT);
    List<Path> kept = new ArrayList<>();
    for (Path f : files) {
      if (inSplit(relative(folder, f), wanted)) {
        kept.add(f);
      }
    }
    if (kept.isEmpty()) {
      throw new InvalidInputException(
          Problem.NO_DATA_FILES,
          shown
              + ": no data files of split '"
              + split
              + "'"
              + (splits.isEmpty() ? "" : " (splits found: " + String.join(", ", splits) + ")"),
          List.copyOf(splits),
          null);
    }
    return kept;
  }

  private static Path relative(Path folder, Path file) {
    Path from = folder.toAbsolutePath().normalize();
    Path to = file.toAbsolutePath().normalize();
    return to.startsWith(from) ? from.relativize(to) : to.getFileName();
  }

  private static String splitOf(Path relative) {
    for (Path part : relative) {
      String name = part.toString().toLowerCase(Locale.ROOT);
      for (String s : SPLIT_NAMES) {
        if (name.equals(s) || startsWithWord(name, s)) {
          return s;
        }
      }
    }
    return null;
  }

  private static boolean inSplit(Path relative, String split) {
    for (Path part : relative) {
      String name = part.toString().toLowerCase(Locale.ROOT);
      if (name.equals(split) || startsWithWord(name, split)) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code train-00000-of-00004.parquet}, {@code train.jsonl}, {@code train_0.csv} start with
   * "train".
   */
  private static boolean startsWithWord(String name, String word) {
    return name.length() > word.length()
        && name.startsWith(word)
        && "-._".indexOf(name.charAt(word.length())) >= 0;
  }

  /** Refuses what is not a regular file or folder, naming it as what it is. */
  static void requireReadable(Path path) {
    if (!Files.exists(path)) {
      if (Files.isSymbolicLink(path)) {
        throw new InvalidInputException(
            Problem.NOT_A_DATA_FILE,
            path + ": dangling symbolic link (its target does not exist)",
            List.of(),
            null);
      }
      throw new InvalidInputException(
          Problem.NOT_A_DATA_FILE, path + ": no such file or folder", List.of(), null);
    }
    if (Files.isRegularFile(path) || Files.isDirectory(path)) {
      if (!Files.isReadable(path)) {
        throw new InvalidInputException(
            Problem.NOT_A_DATA_FILE, path + ": permission denied", List.of(), null);
      }
      return;
    }
    throw new InvalidInputException(
        Problem.NOT_A_DATA_FILE, path + ": " + kind(path) + ", not a data file", List.of(), null);
  }

  /** "FIFO", "character device", "block device", "socket" or "special file". */
  static String kind(Path path) {
    try {
      int mode = (Integer) Files.getAttribute(path, "unix:mode");
      return switch (mode & 0170000) {
        case 0010000 -> "a FIFO (named pipe)";
        case 0020000 -> "a character device";
        case 0060000 -> "a block device";
        case 0140000 -> "a socket";
        default -> "a special file";
      };
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return "a special file";
    }
  }
}
