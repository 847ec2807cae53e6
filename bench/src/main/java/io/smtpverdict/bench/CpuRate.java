package io.smtpverdict.bench;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Verdict;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

/**
 * A plain timing loop over the realistic mix that reports replies per wall second and per CPU second of the
 * measuring thread, the same two figures scripts/sisimai-match.pl prints, so that the ratio to Sisimai does
 * not depend on how busy the machine was. JMH's figures (ClassifyBenchmark) are the reference; this is the
 * cross-check for the side-by-side run.
 *
 * <pre>java -cp benchmarks.jar io.smtpverdict.bench.CpuRate [SECONDS [USER-TABLE...]]</pre>
 *
 * <p>User tables, when given, are added to the shipped plugins as the CLI's {@code --rules} adds them; a
 * user rule with the id of a shipped rule replaces it, which is how the cost of one rule can be measured.
 */
public final class CpuRate {
    private CpuRate() {
    }

    /** Entry point: warms up for as long as it measures, then measures. */
    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        VerdictEngine.Builder builder = VerdictEngine.builder().discoverPlugins();
        for (int i = 1; i < args.length; i++) {
            builder.ruleTable(Path.of(args[i]));
        }
        VerdictEngine engine = builder.build();
        String[] inputs = Workload.of(Workload.Mix.ALL).toArray(new String[0]);
        run(engine, inputs, seconds);
        long[] r = run(engine, inputs, seconds);
        double wall = r[1] / 1e9;
        double cpu = r[2] / 1e9;
        System.out.printf("smtp-verdict replies=%d passes=%d seconds=%.2f cpu_seconds=%.2f replies_per_s=%.0f "
                + "replies_per_cpu_s=%.0f sink=%d%n", inputs.length, r[0] / inputs.length, wall, cpu, r[0] / wall,
                r[0] / cpu, r[3]);
    }

    /** Returns {replies, wall ns, thread cpu ns, sink}. */
    private static long[] run(VerdictEngine engine, String[] inputs, double seconds) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long budget = (long) (seconds * 1e9);
        long count = 0;
        long sink = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        long elapsed;
        do {
            for (String s : inputs) {
                Verdict v = engine.classify(s);
                sink += v.outcome().ordinal();
            }
            count += inputs.length;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        long cpu = threads.getCurrentThreadCpuTime() - cpu0;
        return new long[] {count, elapsed, cpu, sink};
    }
}
