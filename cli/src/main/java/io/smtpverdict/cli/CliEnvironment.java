package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import java.io.Console;
import java.io.InputStream;
import java.lang.reflect.Method;

/**
 * What the CLI runs against besides its arguments: standard input and whether each standard stream is a terminal.
 *
 * @param stdin standard input
 * @param stdinTerminal whether standard input is a terminal (then a hint is printed before reading it)
 * @param stdoutTerminal whether standard output is a terminal (then {@code classify} prints text, else JSON Lines)
 * @param stderrTerminal whether standard error is a terminal (then {@code stats} shows progress on large files)
 */
record CliEnvironment(InputStream stdin, boolean stdinTerminal, boolean stdoutTerminal, boolean stderrTerminal) {
    /** Validates the parts. */
    CliEnvironment {
        requireNonNull(stdin, "stdin is null");
    }

    /**
     * The real process environment. The launcher script knows for sure which streams are terminals and passes
     * {@code -Dverdict.stdout.tty=true|false} (and stdin, stderr); without it, an interactive console means all
     * three are.
     */
    static CliEnvironment system() {
        boolean console = consoleIsTerminal();
        return new CliEnvironment(System.in, flag("verdict.stdin.tty", console), flag("verdict.stdout.tty", console),
                flag("verdict.stderr.tty", console));
    }

    /** An environment with no terminal at all, reading the given standard input (tests, pipelines). */
    static CliEnvironment batch(InputStream stdin) {
        return new CliEnvironment(stdin, false, false, false);
    }

    /**
     * Whether the JVM has an interactive console. Up to Java 21 a console exists only then; from Java 22 on a
     * console may exist without a terminal, and {@code Console.isTerminal()} tells.
     */
    private static boolean consoleIsTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static boolean flag(String property, boolean fallback) {
        String value = System.getProperty(property);
        return value == null ? fallback : Boolean.parseBoolean(value);
    }
}
