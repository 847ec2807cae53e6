package io.smtpverdict.cli;

import java.io.IOException;
import java.util.Optional;

/** A stream of input records from one input. */
interface RecordSource {
    /** The next record, or empty at the end. */
    Optional<InputRecord> next() throws IOException;
}
