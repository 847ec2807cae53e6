package io.smtpverdict.spi;

/** Who must act to fix the condition a verdict describes. */
public enum Party {
    /** The recipient's address or mailbox. */
    RECIPIENT,
    /** What the sender sent. */
    SENDER_CONTENT,
    /** How the sender is set up (DNS, authentication, TLS, relay). */
    SENDER_CONFIGURATION,
    /** How the sender is regarded (blocklists, volume, complaints). */
    SENDER_REPUTATION,
    /** The receiving mail system. */
    RECEIVING_SYSTEM,
    /** The network between the two. */
    NETWORK,
    /** The sending MTA itself (its rules, limits, queue). */
    SENDING_MTA,
    /** Nobody: nothing is wrong. */
    NONE,
    /** Cannot be told. */
    UNKNOWN
}
