package io.smtpverdict.input.email;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Splits an mbox into messages as a stream: a message starts at a {@code From } line (the "From_" line of
 * mboxo, mboxrd, mboxcl) after a blank line or at the start, or at any {@code From } line that carries a time
 * of day as From_ lines do. Quoted {@code >From } lines are unquoted by one level (mboxrd; mboxo's single level
 * reads the same). Holds one line chunk in memory, never a whole message.
 */
final class Mbox {
    private static final int CHUNK = 8192;
    private static final Pattern FROM_LINE = Pattern.compile("^From \\S*.*\\d{1,2}:\\d{2}.*");

    private final InputStream in;
    private final byte[] buf = new byte[CHUNK];
    private int pos;
    private int len;
    private boolean eof;
    /** A chunk read but not yet handed out (the next message's From_ line). */
    private byte[] pending;
    private boolean pendingAtLineStart;
    private boolean atLineStart = true;
    private boolean prevBlank = true;
    private boolean started;

    Mbox(InputStream in) {
        this.in = in;
    }

    /** What the next call to {@link #next} hands out. */
    enum Kind {
        /** A message after its From_ line. */
        MESSAGE,
        /** Text before the first From_ line: not a message of an mbox. */
        NO_FROM_LINE
    }

    /** One message (or stray text) of the mbox; its stream is valid until the next call to {@link #next}. */
    record Entry(Kind kind, InputStream content) {
    }

    /** The next message, or null at the end. The previous entry's stream is drained first. */
    Entry next() throws IOException {
        if (current != null) {
            current.transferTo(java.io.OutputStream.nullOutputStream());
            current = null;
        }
        byte[] first = chunk();
        // skip blank lines between messages
        while (first != null && isBlank(first) && chunkAtLineStart) {
            first = chunk();
        }
        if (first == null) {
            return null;
        }
        Kind kind;
        if (chunkAtLineStart && startsWithFrom(first)) {
            kind = Kind.MESSAGE;
            started = true;
            skipRestOfLine(first);
            first = null;
        } else {
            kind = Kind.NO_FROM_LINE;
            started = true;
        }
        current = new MessageStream(first);
        return new Entry(kind, current);
    }

    private MessageStream current;
    private boolean chunkAtLineStart;

    private void skipRestOfLine(byte[] chunk) throws IOException {
        byte[] c = chunk;
        while (c != null && c[c.length - 1] != '\n') {
            c = chunk();
        }
        prevBlank = false;
    }

    /** The next chunk: up to the end of a line or {@link #CHUNK} bytes; null at the end. */
    private byte[] chunk() throws IOException {
        if (pending != null) {
            byte[] p = pending;
            pending = null;
            chunkAtLineStart = pendingAtLineStart;
            return p;
        }
        if (pos >= len && !fill()) {
            return null;
        }
        chunkAtLineStart = atLineStart;
        int start = pos;
        byte[] out = null;
        while (true) {
            int nl = -1;
            for (int i = pos; i < len; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl >= 0 ? nl + 1 : len;
            out = append(out, buf, start, end);
            pos = end;
            if (nl >= 0) {
                atLineStart = true;
                return out;
            }
            if (out.length >= CHUNK || !fill()) {
                atLineStart = false;
                return out;
            }
            start = pos;
        }
    }

    private static byte[] append(byte[] a, byte[] b, int from, int to) {
        if (a == null) {
            return Arrays.copyOfRange(b, from, to);
        }
        byte[] r = Arrays.copyOf(a, a.length + to - from);
        System.arraycopy(b, from, r, a.length, to - from);
        return r;
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            eof = true;
            pos = len = 0;
            return false;
        }
        pos = 0;
        len = n;
        return true;
    }

    private static boolean isBlank(byte[] c) {
        for (byte b : c) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithFrom(byte[] c) {
        return c.length >= 5 && c[0] == 'F' && c[1] == 'r' && c[2] == 'o' && c[3] == 'm' && c[4] == ' ';
    }

    private boolean isSeparator(byte[] c) {
        if (!startsWithFrom(c)) {
            return false;
        }
        if (prevBlank) {
            return true;
        }
        String line = new String(c, 0, Math.min(c.length, 300), StandardCharsets.ISO_8859_1).strip();
        return FROM_LINE.matcher(line).matches();
    }

    /** The bytes of one message, up to the next From_ line. */
    private final class MessageStream extends InputStream {
        private byte[] chunk;
        private int at;
        private boolean done;

        MessageStream(byte[] first) {
            this.chunk = first;
        }

        private boolean advance() throws IOException {
            while (chunk == null || at >= chunk.length) {
                if (done) {
                    return false;
                }
                byte[] c = chunk();
                if (c == null) {
                    done = true;
                    return false;
                }
                boolean lineStart = chunkAtLineStart;
                if (lineStart && started && isSeparator(c)) {
                    pending = c;
                    pendingAtLineStart = true;
                    done = true;
                    return false;
                }
                if (lineStart) {
                    prevBlank = isBlank(c);
                    int q = 0;
                    while (q < c.length && c[q] == '>') {
                        q++;
                    }
                    if (q > 0 && c.length - q >= 5 && c[q] == 'F' && c[q + 1] == 'r' && c[q + 2] == 'o'
                            && c[q + 3] == 'm' && c[q + 4] == ' ') {
                        c = Arrays.copyOfRange(c, 1, c.length);
                    }
                }
                chunk = c;
                at = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!advance()) {
                return -1;
            }
            return chunk[at++] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int n) throws IOException {
            if (n == 0) {
                return 0;
            }
            if (!advance()) {
                return -1;
            }
            int k = Math.min(n, chunk.length - at);
            System.arraycopy(chunk, at, b, off, k);
            at += k;
            return k;
        }
    }
}
