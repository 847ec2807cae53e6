/**
 * The engine. Only its facade is exported: {@code io.smtpverdict.core} (VerdictEngine and what it returns),
 * {@code core.json} (verdicts as JSON) and {@code core.guice} (a Guice module for users of Guice). Parsing,
 * matching and table loading ({@code core.parse}, {@code core.match}, {@code core.table}) are internal.
 */
module io.smtpverdict.core {
    requires transitive io.smtpverdict.spi;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires re2j;
    // Only users of VerdictModule have Guice on their path.
    requires static com.google.guice;

    exports io.smtpverdict.core;
    exports io.smtpverdict.core.json;
    exports io.smtpverdict.core.guice;
    // Only for the benchmarks, which time folding and parsing on their own (bench's ComponentBenchmark).
    exports io.smtpverdict.core.parse to io.smtpverdict.bench;

    // Jackson binds rule tables to the records of core.table by reflection.
    opens io.smtpverdict.core.table to com.fasterxml.jackson.databind;

    uses io.smtpverdict.spi.VerdictPlugin;
}
