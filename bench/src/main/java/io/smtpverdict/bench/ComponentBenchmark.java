package io.smtpverdict.bench;

import io.smtpverdict.core.parse.Normalizer;
import io.smtpverdict.core.parse.ParsedReply;
import io.smtpverdict.core.parse.ReplyParser;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first steps of a classification alone, on the realistic mix, to show where the time of
 * {@link ClassifyBenchmark} goes: folding the text, and parsing it as the engine does first.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class ComponentBenchmark {
    private String[] inputs;
    private int next;

    /** Loads the mix. */
    @Setup
    public void setup() {
        inputs = Workload.of(Workload.Mix.ALL).toArray(new String[0]);
    }

    private String nextInput() {
        String s = inputs[next];
        next = next + 1 == inputs.length ? 0 : next + 1;
        return s;
    }

    /** Folding only: lower case, white space, quotes. */
    @Benchmark
    public String normalize() {
        return Normalizer.normalize(nextInput());
    }

    /** Parsing: the length limit, the basic and the enhanced code (the engine folds only when a rule needs it). */
    @Benchmark
    public ParsedReply parse() {
        return ReplyParser.parse(nextInput(), HostileInputs.LIMIT);
    }
}
