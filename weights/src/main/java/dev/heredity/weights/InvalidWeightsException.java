package dev.heredity.weights;

import java.nio.file.Path;

/**
 * A weights file that cannot be read as what it claims to be. It names the file, the field (a
 * header entry, a tensor's {@code data_offsets}, the index's {@code weight_map}...) and the
 * problem, as one line.
 */
public final class InvalidWeightsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final String field;
  private final String problem;

  public InvalidWeightsException(Path file, String field, String problem) {
    super(file + ": " + field + ": " + problem);
    this.file = file;
    this.field = field;
    this.problem = problem;
  }

  public Path file() {
    return file;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
