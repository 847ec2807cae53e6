package io.smtpverdict.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * UTF-8 output written in fixed-size chunks, so that a batch of rendered records never needs one large array (in a
 * small heap a large array is expensive to allocate) and is never copied to grow; {@link #writeTo} replays it in order.
 * The chunks come from a pool and go back to it with {@link #release()}: rendered output is as large as the whole
 * output, and allocating it afresh would double what a run allocates. Records are rendered as bytes in the classifier
 * threads so that the thread writing the output copies bytes instead of encoding characters.
 */
final class ChunkedBytes extends OutputStream {
    /** Bytes per chunk: 64 KiB, far below a G1 region even in a 64 MB heap. */
    static final int CHUNK = 64 * 1024;

    private final Queue<byte[]> pool;
    private final List<byte[]> full = new ArrayList<>();
    private byte[] chunk;
    private int used;

    /** @param pool where chunks are taken from and returned to; shared by threads, so it must be thread-safe */
    ChunkedBytes(Queue<byte[]> pool) {
        this.pool = pool;
        this.chunk = take();
    }

    /** A pool that keeps at most {@code chunks} chunks. */
    static Queue<byte[]> pool(int chunks) {
        return new ArrayBlockingQueue<>(chunks);
    }

    private byte[] take() {
        byte[] c = pool.poll();
        return c == null ? new byte[CHUNK] : c;
    }

    /** Gives the chunks back to the pool (as many as it keeps); the bytes are gone afterwards. */
    void release() {
        for (byte[] c : full) {
            pool.offer(c);
        }
        full.clear();
        pool.offer(chunk);
        chunk = null;
        used = 0;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        while (len > 0) {
            int n = Math.min(len, room());
            System.arraycopy(b, off, chunk, used, n);
            used += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(int b) {
        room();
        chunk[used++] = (byte) b;
    }

    /** How many bytes the current chunk still takes, after starting a new one if it is full. */
    private int room() {
        if (used == CHUNK) {
            full.add(chunk);
            chunk = take();
            used = 0;
        }
        return CHUNK - used;
    }

    /** Writes every byte written so far to {@code out}, in order. */
    void writeTo(OutputStream out) throws IOException {
        for (byte[] c : full) {
            out.write(c, 0, CHUNK);
        }
        out.write(chunk, 0, used);
    }

    /**
     * Writes the text these UTF-8 bytes hold to {@code out}, in order, for a destination that only takes characters
     * (the CLI embedded with a {@link Writer}); a character split between two chunks is decoded whole.
     */
    void writeTo(Writer out) throws IOException {
        List<ByteArrayInputStream> parts = new ArrayList<>(full.size() + 1);
        for (byte[] c : full) {
            parts.add(new ByteArrayInputStream(c, 0, CHUNK));
        }
        parts.add(new ByteArrayInputStream(chunk, 0, used));
        Reader text = new InputStreamReader(new SequenceInputStream(Collections.enumeration(parts)),
                StandardCharsets.UTF_8);
        char[] buffer = new char[8192];
        for (int n; (n = text.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
