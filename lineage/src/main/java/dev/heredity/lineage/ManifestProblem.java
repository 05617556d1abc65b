package dev.heredity.lineage;

/**
 * One reason a manifest (or a file it names) cannot be accepted, in data: a stable code for callers
 * that word or count problems, where it sits, and a neutral one-line description (user values
 * quoted with {@link Quoted}). Library messages never name command-line options.
 *
 * @param location where the offending value sits, or null when the problem has no position
 */
public record ManifestProblem(SourceLocation location, String code, String message) {
  /** A problem without a more specific code. */
  public static final String INVALID = "invalid-manifest";

  /** A dataset path leaves the manifest's folder (accepted only when the caller allows it). */
  public static final String PATH_OUTSIDE_FOLDER = "path-outside-folder";

  /** {@code file:line:column: message}, or the message alone without a location. */
  public String render() {
    return location == null ? message : location.format(message);
  }
}
