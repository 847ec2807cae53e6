package io.smtpverdict.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Reports the CPU time of the benchmark's JVM per operation ({@code cpu.time.norm}, ns/op) and its inverse
 * ({@code cpu.ops.per.s}): the cost of an operation whatever else runs on the machine. Wall-clock scores
 * from JMH are only meaningful on an idle machine; on a shared one the benchmark thread gets a fraction of
 * a core and the wall figures shrink with it, while CPU time does not. It includes GC and JIT threads,
 * which after warm-up are the cost the operation really causes. Use with
 * {@code -prof io.smtpverdict.bench.CpuTimeProfiler}.
 */
public final class CpuTimeProfiler implements InternalProfiler {
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpu;

    /** JMH creates profilers reflectively. */
    public CpuTimeProfiler() {
    }

    @Override
    public String getDescription() {
        return "CPU time of the benchmark JVM per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = os.getProcessCpuTime();
    }

    @Override
    public List<Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = os.getProcessCpuTime() - startCpu;
        long ops = result.getMetadata().getMeasuredOps();
        if (ops <= 0 || cpu <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult("cpu.time.norm", (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.ops.per.s", ops * 1e9 / cpu, "ops/s", AggregationPolicy.AVG));
    }
}
