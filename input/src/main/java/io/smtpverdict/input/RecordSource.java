package io.smtpverdict.input;

import java.io.Closeable;
import java.io.IOException;
import java.util.Optional;

/** A stream of input records from one input, read one at a time with flat memory; close it when done. */
public interface RecordSource extends Closeable {
    /** The next record, or empty at the end. */
    Optional<InputRecord> next() throws IOException;
}
