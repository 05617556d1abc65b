package dev.heredity.lineage;

import java.util.List;

/**
 * A manifest (or a file it names) that cannot be accepted. The message is one line that starts
 * with {@code file:line:column:} when the offending value has a position, so the CLI prints it as is
 * and exits with code 3. When several problems were found, {@link #problems()} lists them all
 * (first one = the message).
 */
public class InvalidManifestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public InvalidManifestException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    public InvalidManifestException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** All problems, in file order; the first becomes the exception's message. */
    public InvalidManifestException(List<String> problems) {
        super(problems.isEmpty() ? "invalid manifest" : problems.get(0));
        this.problems = problems.isEmpty() ? List.of("invalid manifest") : List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
