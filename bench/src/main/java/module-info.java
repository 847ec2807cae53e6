/**
 * JMH benchmarks of the engine. The throughput benchmarks use the engine's facade; ComponentBenchmark times
 * folding and parsing alone, which only core's internal core.parse offers, exported to this module by name.
 */
module io.smtpverdict.bench {
    requires io.smtpverdict.core;
    requires io.smtpverdict.input;
    requires io.smtpverdict.cli;
    requires io.smtpverdict.testkit;
    requires com.fasterxml.jackson.databind;
    requires jdk.management;
    requires jmh.core;

    // JMH instantiates the benchmark states and runs the generated code by reflection.
    opens io.smtpverdict.bench;
    opens io.smtpverdict.bench.jmh_generated;

    uses io.smtpverdict.spi.VerdictPlugin;
}
