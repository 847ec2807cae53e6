/**
 * The {@code verdict} command line: a thin picocli front end over {@link io.smtpverdict.core.VerdictEngine}.
 *
 * <p>Null policy: nothing in this package accepts or returns {@code null}; absence is {@link java.util.Optional}.
 * Records go to standard output, messages to standard error; exit codes are 0 (success), 1 (runtime failure)
 * and 2 (bad usage).
 */
package io.smtpverdict.cli;
