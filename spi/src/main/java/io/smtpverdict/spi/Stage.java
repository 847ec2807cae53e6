package io.smtpverdict.spi;

/** Where in a delivery attempt something happened. */
public enum Stage {
    /** Opening the TCP connection. */
    CONNECT,
    /** The server's greeting banner. */
    GREETING,
    /** HELO / EHLO. */
    HELO,
    /** STARTTLS or implicit TLS (SMTPS). */
    TLS,
    /** SMTP AUTH. */
    AUTH,
    /** MAIL FROM. */
    MAIL,
    /** RCPT TO. */
    RCPT,
    /** The DATA command itself. */
    DATA,
    /** After the message body was sent (end of data). */
    BODY,
    /** Resolving the destination in DNS. */
    DNS,
    /** In the sending MTA's queue, before or instead of an attempt. */
    QUEUE,
    /** Not known. */
    UNKNOWN
}
