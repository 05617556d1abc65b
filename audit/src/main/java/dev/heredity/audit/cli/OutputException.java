package dev.heredity.audit.cli;

/** Output could not be written (stdout on a full disk or closed, or an output path Heredity refuses): exit 3. */
public class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }
}
