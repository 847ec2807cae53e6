/** The plugin test kit: checks a plugin author runs from JUnit. */
module io.smtpverdict.testkit {
    requires transitive io.smtpverdict.core;
    requires com.fasterxml.jackson.databind;
    requires com.networknt.schema;

    exports io.smtpverdict.testkit;

    uses io.smtpverdict.spi.VerdictPlugin;
}
