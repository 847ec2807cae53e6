package io.smtpverdict.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Text written in fixed-size chunks, so that a batch of rendered records never needs one large array (in a small
 * heap a large array is expensive to allocate) and is never copied to grow; {@link #writeTo} replays it in order.
 */
final class ChunkedText extends Writer {
    /** Characters per chunk: 32 Ki chars, 64 KiB, far below a G1 region even in a 64 MB heap. */
    static final int CHUNK = 32 * 1024;

    private final List<char[]> full = new ArrayList<>();
    private char[] chunk = new char[CHUNK];
    private int used;

    @Override
    public void write(char[] cbuf, int off, int len) {
        while (len > 0) {
            if (used == CHUNK) {
                full.add(chunk);
                chunk = new char[CHUNK];
                used = 0;
            }
            int n = Math.min(len, CHUNK - used);
            System.arraycopy(cbuf, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(String s, int off, int len) {
        while (len > 0) {
            if (used == CHUNK) {
                full.add(chunk);
                chunk = new char[CHUNK];
                used = 0;
            }
            int n = Math.min(len, CHUNK - used);
            s.getChars(off, off + n, chunk, used);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(int c) {
        write(new char[] {(char) c}, 0, 1);
    }

    /** How many characters were written. */
    long length() {
        return (long) full.size() * CHUNK + used;
    }

    /** Writes everything written so far to {@code out}, in order. */
    void writeTo(Writer out) throws IOException {
        for (char[] c : full) {
            out.write(c, 0, CHUNK);
        }
        out.write(chunk, 0, used);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
