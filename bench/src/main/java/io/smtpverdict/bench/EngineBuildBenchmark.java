package io.smtpverdict.bench;

import io.smtpverdict.core.VerdictEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Building the engine from every shipped plugin in a warm JVM: from the rule packs the plugins' builds compiled
 * ({@code source=PACKS}) and from their JSON tables ({@code source=JSON}, as with
 * {@code -Dsmtpverdict.ignoreRulePacks=true}). Each fork sets the property once, so the two never share a JVM.
 * The figure includes the matching automaton, which a default engine defers until after its first replies.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EngineBuildBenchmark {
    /** Where the tables are read from. */
    @Param({"PACKS", "JSON"})
    public String source;

    /** One engine from all plugins on the class path. */
    @Benchmark
    public VerdictEngine build() {
        System.setProperty("smtpverdict.ignoreRulePacks", String.valueOf(source.equals("JSON")));
        // keySearches(0): the automaton a default engine builds after its first replies is built here, and timed
        return VerdictEngine.builder().discoverPlugins().keySearches(0).build();
    }
}
