package io.smtpverdict.cli;

import java.util.Locale;

/** How the lines of an input are read. */
enum InputFormat {
    /** Decide per line (and by file name for {@code .csv}). */
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
    CSV;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
