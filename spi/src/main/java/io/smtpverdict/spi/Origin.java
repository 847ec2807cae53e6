package io.smtpverdict.spi;

/** Who wrote the text a verdict is about. */
public enum Origin {
    /** The receiving server said it. */
    REMOTE,
    /** The sending MTA generated it itself. */
    LOCAL,
    /** Cannot be told. */
    UNKNOWN
}
