package io.smtpverdict.spi;

/** What the operator or the bounce handler should do next. */
public enum Advice {
    /** Nothing to do. */
    NONE,
    /** Retry later; the condition is expected to clear. */
    RETRY,
    /** Slow down sending to this destination. */
    THROTTLE,
    /** Stop mailing this recipient. */
    SUPPRESS_RECIPIENT,
    /** Change the message: size, format, wording, attachments. */
    FIX_CONTENT,
    /** Fix the sending setup: DNS, authentication, TLS, relay credentials, MTA configuration. */
    FIX_CONFIGURATION,
    /** Get the sending IP or domain removed from a blocklist. */
    REQUEST_DELISTING,
    /** A person should look at it. */
    REVIEW
}
