package dev.heredity.lineage;

import java.util.List;

/**
 * A manifest (or a file it names) that cannot be accepted. The message is one line that starts with
 * {@code file:line:column:} when the offending value has a position, so the CLI prints it as is and
 * exits with code 3. When several problems were found, {@link #problems()} lists them all (first
 * one = the message) and {@link #details()} gives each as data (code, location, message).
 */
public class InvalidManifestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<ManifestProblem> details;

  public InvalidManifestException(String message) {
    this(message, (Throwable) null);
  }

  public InvalidManifestException(String message, Throwable cause) {
    super(message, cause);
    this.details = List.of(new ManifestProblem(null, ManifestProblem.INVALID, message));
  }

  /** All problems, already rendered, in file order; the first becomes the exception's message. */
  public InvalidManifestException(List<String> problems) {
    super(problems.isEmpty() ? "invalid manifest" : problems.get(0));
    this.details =
        (problems.isEmpty() ? List.of("invalid manifest") : problems)
            .stream().map(p -> new ManifestProblem(null, ManifestProblem.INVALID, p)).toList();
  }

  private InvalidManifestException(List<ManifestProblem> details, Throwable cause) {
    super(details.get(0).render(), cause);
    this.details = List.copyOf(details);
  }

  /**
   * All problems as data, in file order (at least one); the first one's rendering becomes the
   * message.
   */
  public static InvalidManifestException of(List<ManifestProblem> details) {
    return of(details, null);
  }

  /** As {@link #of(List)}, keeping the exception the problems were read from. */
  public static InvalidManifestException of(List<ManifestProblem> details, Throwable cause) {
    return new InvalidManifestException(
        details.isEmpty()
            ? List.of(new ManifestProblem(null, ManifestProblem.INVALID, "invalid manifest"))
            : details,
        cause);
  }

  /** One problem, as data. */
  public static InvalidManifestException of(ManifestProblem problem, Throwable cause) {
    return new InvalidManifestException(List.of(problem), cause);
  }

  /** Each problem rendered as {@code file:line:column: message}, in file order. */
  public List<String> problems() {
    return details.stream().map(ManifestProblem::render).toList();
  }

  public List<ManifestProblem> details() {
    return details;
  }
}
