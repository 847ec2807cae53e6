package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

/** A failure the CLI reports as one line on standard error and an exit code (1 runtime, 2 usage). */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for a runtime failure: unreadable input, broken plugin, write error. */
    static final int RUNTIME = 1;
    /** Exit code for bad usage: unknown option, bad --rules file, unknown plugin id. */
    static final int USAGE = 2;

    private final int exitCode;

    CliFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    CliFailure(int exitCode, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.exitCode = exitCode;
    }

    /** A runtime failure. */
    static CliFailure runtime(String message) {
        return new CliFailure(RUNTIME, message);
    }

    /** A usage failure. */
    static CliFailure usage(String message) {
        return new CliFailure(USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
