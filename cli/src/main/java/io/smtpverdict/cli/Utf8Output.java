package io.smtpverdict.cli;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * An output stream as the CLI writes it: text encoded as UTF-8, and records its classifier threads have already
 * rendered as UTF-8 written through as bytes, in order with the text.
 */
final class Utf8Output extends Writer {
    private final OutputStream bytes;
    private final Writer text;

    Utf8Output(OutputStream bytes) {
        this.bytes = requireNonNull(bytes, "bytes is null");
        this.text = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        text.write(cbuf, off, len);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        text.write(str, off, len);
    }

    @Override
    public void write(int c) throws IOException {
        text.write(c);
    }

    /** Writes UTF-8 bytes after all the text written so far. */
    void writeUtf8(ChunkedBytes utf8) throws IOException {
        text.flush();
        utf8.writeTo(bytes);
    }

    @Override
    public void flush() throws IOException {
        text.flush();
    }

    @Override
    public void close() throws IOException {
        text.close();
    }
}
