package dev.heredity.lineage;

/**
 * A warning about a manifest: reported, but the manifest is still usable (exit 0 unless {@code
 * --strict}).
 */
public record Diagnostic(String code, String message, SourceLocation location) {
  /** {@code file:line:column: warning: message [code]}. */
  public String render() {
    return location.format("warning: " + message + " [" + code + "]");
  }
}
