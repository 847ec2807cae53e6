package io.smtpverdict.cli;

import io.smtpverdict.core.VerdictEngine;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Builds the default engine on a second thread while picocli builds its model and parses the arguments, when the
 * raw arguments already show that the command will want exactly that engine. The two phases take about the same
 * time in a fresh JVM, so a one-shot command waits for the longer of them instead of their sum.
 *
 * <p>The guess is conservative: any option that changes which engine is built ({@code --rules},
 * {@code --plugin-path}, {@code --plugins}, {@code --vendor}), changes logging ({@code -v}) or asks for help or the
 * version, and any short-option cluster, means no early build. A guess that still turns out unused costs only CPU
 * time: {@link EngineOptions#build} takes the early engine only when its own options are the defaults, and builds
 * (and reports problems) as usual otherwise or when the early build failed.
 */
final class EarlyEngine {
    /** Commands that build the default engine right after parsing. */
    static final Set<String> COMMANDS = Set.of("classify", "explain", "stats");

    /** Options whose presence means the early engine would be the wrong one, or not needed at all. */
    private static final Set<String> SPOILERS = Set.of("--rules", "--plugin-path", "--plugins", "--vendor",
            "--verbose", "--help", "--version");

    private static volatile FutureTask<VerdictEngine> pending;

    private EarlyEngine() {
    }

    /** Whether these raw arguments name a command that will build the default engine and nothing alters it. */
    static boolean wanted(String[] args) {
        if (args.length == 0 || !COMMANDS.contains(args[0])) {
            return false;
        }
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--")) {
                return true; // the rest are replies, whatever they look like
            }
            String name = a.startsWith("--") && a.indexOf('=') > 0 ? a.substring(0, a.indexOf('=')) : a;
            if (SPOILERS.contains(name)) {
                return false;
            }
            // a short option or a cluster of them (-v, -h, -V, -vt...): too many spellings to be sure of
            if (a.length() > 1 && a.charAt(0) == '-' && a.charAt(1) != '-' && !Character.isDigit(a.charAt(1))) {
                return false;
            }
        }
        return true;
    }

    /** Starts building the engine {@code builder} makes on a daemon thread when {@link #wanted} says so. */
    static void startIfWanted(String[] args, Supplier<VerdictEngine> builder) {
        if (!wanted(args)) {
            return;
        }
        FutureTask<VerdictEngine> task = new FutureTask<>(builder::get);
        Thread t = new Thread(task, "verdict-early-engine");
        t.setDaemon(true);
        pending = task;
        t.start();
    }

    /**
     * The early engine, waiting for it if need be, at most once; empty when none was started or its build failed
     * (the caller then builds one itself and reports what went wrong).
     */
    static Optional<VerdictEngine> take() {
        FutureTask<VerdictEngine> task = pending;
        pending = null;
        if (task == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(task.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }
}
