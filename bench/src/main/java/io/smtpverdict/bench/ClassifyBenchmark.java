package io.smtpverdict.bench;

import io.smtpverdict.core.ClassifyOptions;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.core.json.VerdictJson;
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

/**
 * Single-thread throughput of {@link VerdictEngine#classify} over the realistic mix, one reply per operation:
 * plain, with candidate collection ({@link ClassifyOptions#EXPLAIN}) and with the verdict written as JSON.
 * The engine is the one every user gets: all plugins on the classpath, discovered.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ClassifyBenchmark {
    /** Which part of the mix to run on. */
    @Param("ALL")
    public Workload.Mix mix;

    private VerdictEngine engine;
    private String[] inputs;
    private int next;

    /** Builds the engine and loads the mix. */
    @Setup
    public void setup() {
        engine = VerdictEngine.builder().discoverPlugins().build();
        inputs = Workload.of(mix).toArray(new String[0]);
        System.out.printf("%n[setup] plugins=%d rules=%d replies=%d%n", engine.plugins().size(),
                engine.rules().size(), inputs.length);
    }

    private String nextInput() {
        String s = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return s;
    }

    /** One reply, the default options. */
    @Benchmark
    public Verdict classify() {
        return engine.classify(nextInput());
    }

    /** One reply, losing candidates collected too. */
    @Benchmark
    public Verdict classifyExplain() {
        return engine.classify(nextInput(), ClassifyOptions.EXPLAIN);
    }

    /** One reply, then its verdict as a line of JSON. */
    @Benchmark
    public String classifyToJson() {
        return VerdictJson.toJson(engine.classify(nextInput()));
    }
}
