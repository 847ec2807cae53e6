package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Optional;

/**
 * Remembers the first write error. A {@link java.io.PrintWriter} swallows it; the CLI needs its reason to tell a
 * full disk (exit 1, with the reason) from a reader that went away ({@code | head}: end quietly).
 */
final class TrackingWriter extends FilterWriter {
    private IOException failure;

    TrackingWriter(Writer out) {
        super(requireNonNull(out, "out is null"));
    }

    /** The first write error, if any. */
    Optional<IOException> failure() {
        return Optional.ofNullable(failure);
    }

    @Override
    public void write(int c) throws IOException {
        try {
            super.write(c);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        try {
            super.write(cbuf, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        try {
            super.write(str, off, len);
        } catch (IOException e) {
            throw remember(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            super.flush();
        } catch (IOException e) {
            throw remember(e);
        }
    }

    /**
     * Writes records already rendered as UTF-8 after the text written so far: as bytes when the destination is a
     * {@link Utf8Output}, else decoded to text; a write error is remembered like any other.
     */
    void writeUtf8(ChunkedBytes utf8) throws IOException {
        try {
            if (out instanceof Utf8Output) {
                ((Utf8Output) out).writeUtf8(utf8);
            } else {
                utf8.writeTo(out);
            }
        } catch (IOException e) {
            throw remember(e);
        }
    }

    private IOException remember(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }
}
