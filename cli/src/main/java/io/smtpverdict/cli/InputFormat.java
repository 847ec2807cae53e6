package io.smtpverdict.cli;

import java.util.Locale;

/** How the lines of an input are read. */
enum InputFormat {
    /** Decide per line (and by file name for {@code .csv}); directories, emails and mboxes by their content. */
    AUTO,
    /** Each line is a reply; multi-line replies ({@code 550-...}) are joined. */
    RAW,
    /** Delivery status notification fields: {@code Diagnostic-Code: smtp; ...}. */
    DSN,
    /** Postfix (and compatible syslog) delivery lines with {@code status=... (...)}. */
    POSTFIX,
    /** One JSON value per line; the reply is at {@code --field}. */
    JSONL,
    /** Comma-separated values with a header row; the reply is in {@code --column}. */
    CSV,
    /** Each file is one whole email (a bounce, feedback report or auto-reply); directories are walked. */
    EMAIL,
    /** Each file is an mbox of whole emails (also gzip-compressed). */
    MBOX,
    /** The directory is a Maildir of whole emails. */
    MAILDIR;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
