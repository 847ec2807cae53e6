package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/** The {@code verdict} command: what an SMTP reply or MTA delivery message means and what to do about it. */
@Command(name = "verdict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Tells what SMTP replies and MTA delivery messages mean and what to do about them.",
        footer = {"", "Exit codes: 0 success, 1 runtime failure (unreadable input, broken plugin, write error),",
            "2 bad usage (unknown option, invalid --rules file, unknown plugin id).",
            "Records go to standard output, messages to standard error."})
public final class VerdictCli implements Runnable {
    /** The subcommands, in the order help lists them; a holder, so that a one-shot run loads none of picocli's. */
    private static final class Subcommands {
        static final List<Class<?>> ALL = List.of(ClassifyCommand.class, ExplainCommand.class, StatsCommand.class,
                PluginsCommand.class, CatalogCommand.class, AutoComplete.GenerateCompletion.class, HelpCommand.class);
    }
    private final CliEnvironment env;
    private final Output output;
    private final PrintWriter err;

    @Spec
    CommandSpec spec;

    VerdictCli(CliEnvironment env, Output output, PrintWriter err) {
        this.env = requireNonNull(env, "env is null");
        this.output = requireNonNull(output, "output is null");
        this.err = requireNonNull(err, "err is null");
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The environment the commands run in. */
    CliEnvironment env() {
        return env;
    }

    /** Standard output with its write-error check. */
    Output output() {
        return output;
    }

    /** Standard error, for the commands' messages. */
    PrintWriter err() {
        return err;
    }

    /** Runs the CLI on the real standard streams and exits with its exit code. */
    public static void main(String[] args) {
        Timing.init();
        EarlyEngine.startIfWanted(args, () -> EngineOptions.defaults().build());
        Writer stdout = new Utf8Output(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 64 * 1024));
        Writer stderr = new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8);
        int code = run(CliEnvironment.system(), stdout, stderr, args);
        Timing.print(new PrintWriter(stderr, true));
        System.exit(code);
    }

    /**
     * Runs the CLI in this JVM with the given standard streams, none of them a terminal, and returns its exit code
     * (for embedding it, e.g. in a benchmark). The writers are flushed, not closed.
     */
    public static int run(InputStream stdin, Writer out, Writer err, String... args) {
        return run(CliEnvironment.batch(requireNonNull(stdin, "stdin is null")), requireNonNull(out, "out is null"),
                requireNonNull(err, "err is null"), args);
    }

    /** Runs the CLI with the given streams and returns its exit code; records go to {@code out}, messages to {@code err}. */
    static int run(CliEnvironment env, Writer out, Writer err, String... args) {
        if (OneShot.applies(args)) {
            return OneShot.classify(env, out, err, args);
        }
        CommandLine cmd = commandLine(env, out, err, args.length > 0 ? args[0] : null);
        Timing.mark("command line model");
        int code = cmd.execute(args);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return code;
    }

    /** The configured command line with every subcommand, for tests. */
    static CommandLine commandLine(CliEnvironment env, Writer out, Writer err) {
        return commandLine(env, out, err, null);
    }

    /**
     * The configured command line. Building picocli's model of a command reads its annotations by reflection, a
     * good part of a one-shot run's start-up: when {@code first} names a subcommand that needs no other (anything
     * but help and completion), only that one is added; otherwise all are, so that help, completion and the error
     * for an unknown command see every one.
     */
    static CommandLine commandLine(CliEnvironment env, Writer out, Writer err, String first) {
        VerdictCli root = root(env, out, err);
        CommandLine cmd = new CommandLine(root);
        Class<?> only = null;
        for (Class<?> c : Subcommands.ALL) {
            if (c != HelpCommand.class && c != AutoComplete.GenerateCompletion.class
                    && c.getAnnotation(Command.class).name().equals(first)) {
                only = c;
            }
        }
        for (Class<?> c : Subcommands.ALL) {
            if (only == null || c == only) {
                cmd.addSubcommand(c);
            }
        }
        cmd.setOut(root.output().writer());
        cmd.setErr(root.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setExecutionExceptionHandler(new Failures());
        return cmd;
    }

    /** The root command on these streams: standard output tracked for write errors, standard error auto-flushed. */
    static VerdictCli root(CliEnvironment env, Writer out, Writer err) {
        TrackingWriter tracking = new TrackingWriter(out);
        return new VerdictCli(env, new Output(new PrintWriter(tracking, false), Optional.of(tracking)),
                new PrintWriter(err, true));
    }

    /** Turns failures into one line on stderr and an exit code; a vanished reader ends quietly. */
    private static final class Failures implements IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
            return failure(ex, cmd.getErr(), cmd.getCommandSpec().qualifiedName());
        }
    }

    /**
     * The exit code of a command that failed with {@code ex}, after one line on {@code err} (and a hint to
     * {@code command --help} for bad usage); a vanished reader of standard output ends quietly.
     */
    static int failure(Exception ex, PrintWriter err, String command) {
        Throwable t = ex;
        while (!(t instanceof CliFailure) && !(t instanceof Output.ReaderGone) && t.getCause() != null
                && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof Output.ReaderGone) {
            return 0;
        }
        if (t instanceof CliFailure) {
            CliFailure failure = (CliFailure) t;
            err.println("verdict: " + failure.getMessage());
            if (failure.exitCode() == CliFailure.USAGE) {
                err.println("Try '" + command + " --help' for more information.");
            }
            err.flush();
            return failure.exitCode();
        }
        err.println("verdict: internal error: " + ex);
        ex.printStackTrace(err);
        err.flush();
        return CliFailure.RUNTIME;
    }
}
