package dev.heredity.detectors;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where one side's records are and how to read them.
 *
 * @param path a file, a folder of shards, or a glob ({@code data/train-*.parquet})
 * @param split keep only this split of a folder ({@code train}), null = the only split there is
 * @param field JSON pointer or column of the generated text, null = the layout's
 * @param promptField JSON pointer or column of the prompt, null = the layout's
 */
public record DatasetInput(Path path, String split, String field, String promptField) {
  public DatasetInput {
    Objects.requireNonNull(path, "path");
    split = blankToNull(split);
    field = blankToNull(field);
    promptField = blankToNull(promptField);
  }

  public static DatasetInput of(Path path) {
    return new DatasetInput(path, null, null, null);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
