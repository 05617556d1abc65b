package dev.heredity.detectors;

/**
 * Input data that cannot be read (malformed record, empty file, bad IDX header...). The message is one
 * line naming the file and the line or byte position, so the CLI prints it as is and exits with code 3.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
