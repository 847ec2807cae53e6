package io.smtpverdict.bench;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Verdict;
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
import org.openjdk.jmh.annotations.Warmup;

/** Time to classify one hostile input (see {@link HostileInputs.Kind}) with the shipped engine. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class HostileBenchmark {
    /** Which hostile input. */
    @Param({"NO_MATCH_64K", "NEAR_MISS_64K", "HIT_STORM_64K", "HIT_STORM_SHUFFLED_64K", "OVERSIZED_1M"})
    public HostileInputs.Kind kind;

    private VerdictEngine engine;
    private String input;

    /** Builds the engine and the input. */
    @Setup
    public void setup() {
        engine = VerdictEngine.builder().discoverPlugins().build();
        input = HostileInputs.of(kind);
        Verdict v = engine.classify(input);
        System.out.printf("%n[setup] %s: %d chars, rule=%s, flags=%s%n", kind, input.length(),
                v.rule().map(r -> r.id()).orElse("-"), v.flags());
    }

    /** The whole input, one classification. */
    @Benchmark
    public Verdict classify() {
        return engine.classify(input);
    }
}
