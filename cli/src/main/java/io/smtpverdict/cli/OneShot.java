package io.smtpverdict.cli;

import java.io.Writer;
import java.util.Arrays;

/**
 * {@code verdict classify REPLY...} with nothing else, run without picocli. Building picocli's model of a command
 * (its classes are too old for class-data sharing, and it reads the annotations by reflection) took longer than
 * anything else in a one-shot run once the engine was built beside it; the plain form needs none of it. The command
 * is the same {@link ClassifyCommand}, with the values its options have when none is given, so the output is the
 * same as picocli's path gives (a test compares the two).
 */
final class OneShot {
    private OneShot() {
    }

    /**
     * Whether the arguments are {@code classify} and one or more replies, none of which picocli could read as
     * anything else: no option, no {@code --}, no {@code @file} to expand.
     */
    static boolean applies(String[] args) {
        if (args.length < 2 || !args[0].equals("classify")) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("-") || args[i].startsWith("@")) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code classify} on the replies of {@code args} (see {@link #applies}) and returns its exit code. */
    static int classify(CliEnvironment env, Writer out, Writer err, String[] args) {
        VerdictCli root = VerdictCli.root(env, out, err);
        ClassifyCommand command = new ClassifyCommand();
        command.root = root;
        command.input = new InputOptions();
        command.input.replies.addAll(Arrays.asList(args).subList(1, args.length));
        command.threads = new ThreadsOption();
        command.engineOptions = new EngineOptions();
        Timing.mark("command line model");
        int code;
        try {
            code = command.call();
        } catch (RuntimeException e) {
            code = VerdictCli.failure(e, root.err(), "verdict classify");
        }
        root.output().writer().flush();
        root.err().flush();
        return code;
    }
}
