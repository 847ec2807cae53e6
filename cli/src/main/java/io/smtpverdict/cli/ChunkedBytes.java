package io.smtpverdict.cli;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Text written in fixed-size chunks, so that a batch of rendered records never needs one large array (in a small
 * heap a large array is expensive to allocate) and is never copied to grow; {@link #writeTo} replays it in order.
 * The chunks come from a pool and go back to it with {@link #release()}: rendered output is as large as the whole
 * output, and allocating it afresh would double what a run allocates.
 */
final class ChunkedText extends Writer {
    /** Characters per chunk: 32 Ki chars, 64 KiB, far below a G1 region even in a 64 MB heap. */
    static final int CHUNK = 32 * 1024;

    private final Queue<char[]> pool;
    private final List<char[]> full = new ArrayList<>();
    private char[] chunk;
    private int used;

    /** @param pool where chunks are taken from and returned to; shared by threads, so it must be thread-safe */
    ChunkedText(Queue<char[]> pool) {
        this.pool = pool;
        this.chunk = take();
    }

    /** A pool that keeps at most {@code chunks} chunks. */
    static Queue<char[]> pool(int chunks) {
        return new ArrayBlockingQueue<>(chunks);
    }

    private char[] take() {
        char[] c = pool.poll();
        return c == null ? new char[CHUNK] : c;
    }

    /** Gives the chunks back to the pool (as many as it keeps); the text is gone afterwards. */
    void release() {
        for (char[] c : full) {
            pool.offer(c);
        }
        full.clear();
        pool.offer(chunk);
        chunk = null;
        used = 0;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, room());
            System.arraycopy(cbuf, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(String s, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, room());
            s.getChars(off, off + n, chunk, used);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(int c) {
        room();
        chunk[used++] = (char) c;
    }

    /** How many characters the current chunk still takes, after starting a new one if it is full. */
    private int room() {
        if (used == CHUNK) {
            full.add(chunk);
            chunk = take();
            used = 0;
        }
        return CHUNK - used;
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
