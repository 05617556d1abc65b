package dev.heredity.lineage;

/**
 * A manifest (or a file it names) that cannot be accepted. The message is one line that starts
 * with {@code file:line:column:} when the offending value has a position, so the CLI prints it as is
 * and exits with code 3.
 */
public class InvalidManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidManifestException(String message) {
        super(message);
    }

    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
    }
}
