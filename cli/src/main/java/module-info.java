/** The verdict command line. It uses the engine's facade and finds the plugins with ServiceLoader. */
module io.smtpverdict.cli {
    requires io.smtpverdict.core;
    requires io.smtpverdict.input;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.slf4j;
    // Only for VERDICT_TIMING: the JVM's own start time.
    requires java.management;

    // picocli sets the annotated option fields of the commands by reflection.
    opens io.smtpverdict.cli to info.picocli;

    // CliBenchmark runs the command line in process through VerdictCli.run.
    exports io.smtpverdict.cli to io.smtpverdict.bench;

    uses io.smtpverdict.spi.VerdictPlugin;
}
