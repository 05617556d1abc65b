package dev.heredity.detectors;

import java.util.List;

/**
 * Input data that cannot be read (malformed record, empty file, bad IDX header...). The message is
 * one line naming the file and the line or byte position, so the CLI prints it as is and exits with
 * code 3. {@link #problem()} says what kind of problem it is, and {@link #expected()} what the
 * reader would have accepted, so a command can add its own advice (which option to use) without
 * parsing the message.
 */
public class InvalidInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Kinds of unreadable input a command may want to word differently. */
  public enum Problem {
    OTHER,
    UNKNOWN_LAYOUT,
    MISSING_FIELD,
    SPLIT_REQUIRED,
    NOT_A_DATA_FILE,
    NO_DATA_FILES,
    ENCODING,
    COMPRESSION,
    TRUNCATED
  }

  private final Problem problem;
  private final transient List<String> expected;

  public InvalidInputException(String message) {
    this(Problem.OTHER, message, List.of(), null);
  }

  public InvalidInputException(String message, Throwable cause) {
    this(Problem.OTHER, message, List.of(), cause);
  }

  public InvalidInputException(
      Problem problem, String message, List<String> expected, Throwable cause) {
    super(message, cause);
    this.problem = problem;
    this.expected = List.copyOf(expected);
  }

  public Problem problem() {
    return problem;
  }

  /** Keys, columns or layouts the reader accepts here; empty when not applicable. */
  public List<String> expected() {
    return expected;
  }
}
