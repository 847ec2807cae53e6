/** Readers for every way replies reach an operator, feeding the engine's facade. */
module io.smtpverdict.input {
    requires transitive io.smtpverdict.core;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    // The package has no types yet: "exports io.smtpverdict.input;" joins with the first reader.
}
