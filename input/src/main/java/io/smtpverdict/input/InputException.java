package io.smtpverdict.input;

/**
 * An input that cannot be read at all as asked, e.g. a CSV file without the named reply column. Problems with
 * single lines or records never throw; they become records with an error.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An exception with this message. */
    public InputException(String message) {
        super(message);
    }
}
