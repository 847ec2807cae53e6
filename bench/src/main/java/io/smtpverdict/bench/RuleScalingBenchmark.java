package io.smtpverdict.bench;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per reply of the realistic mix as synthetic user phrase rules are added to the shipped ones: none,
 * then 1x, 10x and 100x a unit of {@link #UNIT_FLOOR} rules or the shipped rule count, whichever is larger.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RuleScalingBenchmark {
    /** The least number of rules one unit of extra rules has, so that small shipped tables still scale up. */
    public static final int UNIT_FLOOR = 600;

    /** How many units of synthetic phrase rules to add. */
    @Param({"0", "1", "10", "100"})
    public int factor;

    private VerdictEngine engine;
    private String[] inputs;
    private int next;
    private Path table;

    /** Writes the synthetic table and builds the engine with it. */
    @Setup
    public void setup() throws IOException {
        int shipped = VerdictEngine.builder().discoverPlugins().build().rules().size();
        int unit = Math.max(shipped, UNIT_FLOOR);
        int extra = factor * unit;
        VerdictEngine.Builder builder = VerdictEngine.builder().discoverPlugins();
        if (extra > 0) {
            table = Files.createTempFile("smtp-verdict-synthetic-", ".json");
            SyntheticRules.write(table, extra, Workload.SEED);
            builder.ruleTable(table);
        }
        long start = System.nanoTime();
        engine = builder.build();
        long buildMs = (System.nanoTime() - start) / 1_000_000;
        inputs = Workload.of(Workload.Mix.ALL).toArray(new String[0]);
        System.out.printf("%n[setup] factor=%d shipped=%d extra=%d total=%d build=%d ms%n", factor, shipped, extra,
                engine.rules().size(), buildMs);
    }

    /** Removes the synthetic table. */
    @TearDown
    public void tearDown() throws IOException {
        if (table != null) {
            Files.deleteIfExists(table);
        }
    }

    /** One reply of the mix. */
    @Benchmark
    public Verdict classify() {
        String s = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return engine.classify(s);
    }
}
