package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

/**
 * A plugin or rule table that cannot be loaded; names the culprit, where, and the diagnostic's anchor in
 * {@code docs/troubleshooting.md}. The engine is never half-built: building fails as a whole.
 */
public final class VerdictConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Diagnostic diagnostic;

    /** Creates one for a diagnostic with a message that already names the culprit and location. */
    public VerdictConfigurationException(Diagnostic diagnostic, String message) {
        this(diagnostic, message, null);
    }

    /** Creates one with a cause. */
    public VerdictConfigurationException(Diagnostic diagnostic, String message, Throwable cause) {
        super(requireNonNull(message, "message is null") + " (see docs/troubleshooting.md#"
                + requireNonNull(diagnostic, "diagnostic is null").anchor() + ")", cause);
        this.diagnostic = diagnostic;
    }

    /** Which diagnostic this is. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
