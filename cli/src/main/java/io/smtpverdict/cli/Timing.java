package io.smtpverdict.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Start-up phase times, printed to standard error at the end of a run when the environment variable
 * {@code VERDICT_TIMING=1} or the system property {@code verdict.timing=true} is set; otherwise every call does
 * nothing. The phases are marked on the thread that runs the command.
 */
final class Timing {
    private static volatile boolean enabled;
    private static final List<String> PHASES = new ArrayList<>();
    private static final List<Long> NANOS = new ArrayList<>();
    private static long startNanos;
    private static long jvmMillis = -1;

    private Timing() {
    }

    /**
     * Switches timing on when asked for. The JVM start is the one the JVM itself recorded (the process start the OS
     * reports is derived from a boot time with one-second resolution, so it was off by up to a second).
     */
    static void init() {
        enabled = "1".equals(System.getenv("VERDICT_TIMING")) || Boolean.getBoolean("verdict.timing");
        if (!enabled) {
            return;
        }
        startNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        jvmMillis = nowMillis - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Marks the end of a phase that began at the previous mark (or at {@code main}). */
    static synchronized void mark(String phase) {
        if (enabled) {
            PHASES.add(phase);
            NANOS.add(System.nanoTime());
        }
    }

    /** Prints one line per phase and the total, if timing is on. */
    static synchronized void print(PrintWriter err) {
        if (!enabled) {
            return;
        }
        long previous = startNanos;
        err.printf(Locale.ROOT, "verdict: timing: %-22s %6s ms%n", "jvm start to main",
                jvmMillis < 0 ? "?" : Long.toString(jvmMillis));
        for (int i = 0; i < PHASES.size(); i++) {
            err.printf(Locale.ROOT, "verdict: timing: %-22s %6.1f ms%n", PHASES.get(i),
                    (NANOS.get(i) - previous) / 1e6);
            previous = NANOS.get(i);
        }
        err.printf(Locale.ROOT, "verdict: timing: %-22s %6.1f ms%n", "main to exit", (System.nanoTime() - startNanos) / 1e6);
        err.flush();
    }
}
