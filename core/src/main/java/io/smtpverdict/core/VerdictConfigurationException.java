package io.smtpverdict.core;

import static java.util.Objects.requireNonNull;

/**
 * A plugin or rule table that cannot be loaded; names the culprit, where, and the diagnostic's anchor in
 * {@code docs/troubleshooting.md}. The engine is never half-built: building fails as a whole.
 */
public final class VerdictConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Diagnostic diagnostic;
    private final boolean userTable;

    /** Creates one for a diagnostic with a message that already names the culprit and location. */
    VerdictConfigurationException(Diagnostic diagnostic, String message) {
        this(diagnostic, message, null);
    }

    /** Creates one with a cause. */
    VerdictConfigurationException(Diagnostic diagnostic, String message, Throwable cause) {
        super(requireNonNull(message, "message is null") + " (see docs/troubleshooting.md#"
                + requireNonNull(diagnostic, "diagnostic is null").anchor() + ")", cause);
        this.diagnostic = diagnostic;
        this.userTable = false;
    }

    private VerdictConfigurationException(VerdictConfigurationException e) {
        super(e.getMessage(), e.getCause());
        this.diagnostic = e.diagnostic;
        this.userTable = true;
        setStackTrace(e.getStackTrace());
    }

    /** The same problem, marked as found in a user rule table rather than in a shipped plugin. */
    VerdictConfigurationException inUserTable() {
        return userTable ? this : new VerdictConfigurationException(this);
    }

    /**
     * Whether the problem is in a user rule table given at run time ({@code --rules}, {@code ruleTable(Path)})
     * rather than in a plugin on the classpath: the user's to fix, not a broken installation.
     */
    public boolean userTable() {
        return userTable;
    }

    /** Which diagnostic this is. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }
}
