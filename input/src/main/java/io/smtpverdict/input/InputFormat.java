package io.smtpverdict.input;

import java.util.Locale;

/** How the lines of an input are read. */
public enum InputFormat {
    /** Decide per line (and by file name for {@code .csv}). */
    AUTO,
    /** Each line is a reply; multi-line replies ({@code 550-...}) are joined. */
    RAW,
    /** Delivery status notification fields: {@code Diagnostic-Code: smtp; ...}. */
    DSN,
    /** Postfix delivery lines ({@code smtp}, {@code lmtp}, {@code local}, {@code virtual}) with {@code status=... (...)}. */
    POSTFIX,
    /** Exim main log delivery lines: {@code **} failed, {@code ==} deferred, {@code =>}/{@code ->} delivered. */
    EXIM,
    /** Sendmail delivery lines with {@code dsn=} and {@code stat=}. */
    SENDMAIL,
    /** qmail-send delivery lines: {@code delivery N: success|deferral|failure: report} (spaces logged as {@code _}). */
    QMAIL,
    /** OpenSMTPD delivery lines: {@code mta delivery} and {@code mda delivery} with {@code result=} and {@code stat=}. */
    OPENSMTPD,
    /**
     * One JSON value per line: webhook events and JSON logs (SparkPost/Momentum, SendGrid, Mailgun, Amazon SES,
     * Postmark, Mandrill, KumoMTA, GreenArrow) recognised by their shape, or the reply at {@code --field}.
     */
    JSONL,
    /** Comma-separated values with a header row (PowerMTA accounting); the reply is in {@code --column}. */
    CSV,
    /** Each file is one whole email (a bounce, feedback report or auto-reply); directories are walked. */
    EMAIL,
    /** Each file is an mbox of whole emails (also gzip-compressed). */
    MBOX,
    /** The directory is a Maildir of whole emails. */
    MAILDIR;

    /** Whether the format is whole emails, read by {@code io.smtpverdict.input.email.MailboxReader}, not lines. */
    public boolean emails() {
        return this == EMAIL || this == MBOX || this == MAILDIR;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
