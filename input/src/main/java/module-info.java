/** Readers for every way replies reach an operator, feeding the engine's facade. */
module io.smtpverdict.input {
    requires transitive io.smtpverdict.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires org.apache.commons.compress;
    requires org.slf4j;
    exports io.smtpverdict.input;
}
