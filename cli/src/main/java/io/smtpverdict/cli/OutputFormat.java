package io.smtpverdict.cli;

import java.util.Locale;

/** How {@code classify} writes its records. */
enum OutputFormat {
    /** A short block per record, for a person. */
    TEXT,
    /** One JSON array of records. */
    JSON,
    /** One JSON object per line. */
    JSONL,
    /** Comma-separated values with a header row. */
    CSV,
    /** Fixed-width columns, for a person. */
    TABLE;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
