package dev.heredity.audit.report;

/**
 * A position in a file (relative path, '/'-separated); line and column are 1-based, 0 when unknown.
 */
public record Location(String file, int line, int column) {

  /** "file:line:column", leaving out the parts that are unknown. */
  public String display() {
    StringBuilder sb = new StringBuilder(file == null ? "?" : file);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    return sb.toString();
  }
}
