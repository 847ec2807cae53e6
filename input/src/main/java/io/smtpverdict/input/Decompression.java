package io.smtpverdict.input;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks compressed input recognised by its first bytes (gzip {@code 1f 8b}, bzip2 {@code BZh}), reading only
 * forward: the magic bytes are pushed back, never re-read by seeking, and concatenated members (as {@code cat a.gz
 * b.gz} or rotated logs give) are all read.
 */
public final class Decompression {
    private Decompression() {
    }

    /**
     * The input unpacked when its first bytes are gzip's or bzip2's, else the input itself. It reads only forward,
     * so pipes and FIFOs work; the returned stream does not support {@code mark}.
     *
     * @param raw the input, possibly compressed
     * @throws IOException when the input cannot be read or a compressed header is broken
     */
    public static InputStream open(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(new ForwardOnly(raw), 3);
        byte[] magic = new byte[3];
        int n = 0;
        while (n < magic.length) {
            int r = in.read(magic, n, magic.length - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        if (n > 0) {
            in.unread(magic, 0, n);
        }
        if (n >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            return new GzipCompressorInputStream(in, true);
        }
        if (n >= 3 && magic[0] == 'B' && magic[1] == 'Z' && magic[2] == 'h') {
            return new BZip2CompressorInputStream(in, true);
        }
        return in;
    }

    /**
     * Hides {@code available()} of the stream below (a FIFO or process substitution opened as a channel answers it
     * with "Illegal seek"): buffers above it then simply return what one read gave.
     */
    private static final class ForwardOnly extends FilterInputStream {
        ForwardOnly(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
