/** Readers for every way replies reach an operator, feeding the engine's facade. */
module io.smtpverdict.input {
    requires transitive io.smtpverdict.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.apache.commons.compress;
    // mime4j 0.8.14 names no module: these are the names Java derives from its jar files.
    requires apache.mime4j.core;
    requires apache.mime4j.dom;
    requires org.slf4j;
    exports io.smtpverdict.input;
    exports io.smtpverdict.input.email;
}
