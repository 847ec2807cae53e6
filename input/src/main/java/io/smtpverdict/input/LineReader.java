package io.smtpverdict.input;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads lines from a byte stream with flat memory: at most {@code maxLineBytes} of one line are kept, the rest of
 * an over-long line is skipped and reported. Gzip and bzip2 input is recognised by its magic bytes and unpacked on
 * the fly. A line ends at LF; a CR right before the LF belongs to the line end, any other CR stays inside the line,
 * so line numbers match {@code wc -l} and {@code sed -n Np}. A UTF-8 byte order mark before the first line is
 * dropped. The stream is only ever read forward: pipes, FIFOs, sockets and process substitution work, and
 * {@code available()} is never relied on.
 */
public final class LineReader implements Closeable {
    private static final int BUFFER = 64 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final Runnable beforeRead;
    private final byte[] buffer = new byte[BUFFER];
    private int pos;
    private int limit;
    private boolean eof;
    private byte[] line = new byte[256];
    private long number;

    /**
     * @param in the raw stream (possibly gzip or bzip2 compressed)
     * @param maxLineBytes longest line kept whole
     * @param beforeRead run before each read that may block (the CLI flushes its output there, so a slow pipe
     *     still sees its records promptly)
     */
    public LineReader(InputStream in, int maxLineBytes, Runnable beforeRead) throws IOException {
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive: " + maxLineBytes);
        }
        this.in = Decompression.open(requireNonNull(in, "in is null"));
        this.maxLineBytes = maxLineBytes;
        this.beforeRead = requireNonNull(beforeRead, "beforeRead is null");
    }

    /** The next line, or empty at the end of the input. */
    public Optional<Line> next() throws IOException {
        int length = 0;
        long fullLength = 0;
        boolean any = false;
        boolean endsWithCr = false;
        while (true) {
            if (pos == limit) {
                if (eof || !fill()) {
                    if (!any) {
                        return Optional.empty();
                    }
                    break;
                }
            }
            any = true;
            int start = pos;
            int newline = -1;
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            int end = newline < 0 ? limit : newline;
            int chunk = end - start;
            if (chunk > 0) {
                endsWithCr = buffer[end - 1] == '\r';
            }
            fullLength += chunk;
            int keep = Math.min(chunk, maxLineBytes + 2 - length);
            if (keep > 0) {
                ensure(length + keep);
                System.arraycopy(buffer, start, line, length, keep);
                length += keep;
            }
            pos = newline < 0 ? limit : newline + 1;
            if (newline >= 0) {
                break;
            }
        }
        if (endsWithCr) {
            // CR LF is one line end; the CR is not part of the line (a lone CR elsewhere is)
            fullLength--;
            if (length > fullLength) {
                length = (int) fullLength;
            }
        }
        number++;
        if (number == 1 && length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB && line[2] == (byte) 0xBF) {
            // A UTF-8 byte order mark (spreadsheet exports) is not part of the first line.
            System.arraycopy(line, 3, line, 0, length - 3);
            length -= 3;
            fullLength -= 3;
        }
        boolean overLong = fullLength > maxLineBytes;
        return Optional.of(new Line(number, Arrays.copyOf(line, Math.min(length, maxLineBytes)), fullLength, overLong));
    }

    private boolean fill() throws IOException {
        beforeRead.run();
        int n = in.read(buffer, 0, buffer.length);
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void ensure(int capacity) {
        if (capacity > line.length) {
            line = Arrays.copyOf(line, Math.max(capacity, Math.min(line.length * 2, maxLineBytes + 2)));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * One line as read.
     *
     * @param number 1-based line number
     * @param bytes the line's bytes without the line end (cut at the limit when over-long)
     * @param fullLength the line's real length in bytes
     * @param overLong whether it was longer than the limit
     */
    public record Line(long number, byte[] bytes, long fullLength, boolean overLong) {
        /** Validates the parts. */
        public Line {
            requireNonNull(bytes, "bytes is null");
        }

        /** Whether the line holds a NUL byte, the mark of binary data. */
        public boolean binary() {
            for (byte b : bytes) {
                if (b == 0) {
                    return true;
                }
            }
            return false;
        }

        /** Whether the bytes are valid UTF-8. */
        public boolean validUtf8() {
            boolean ascii = true;
            for (byte b : bytes) {
                if (b < 0) {
                    ascii = false;
                    break;
                }
            }
            if (ascii) {
                return true;
            }
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                CharBuffer unused = decoder.decode(ByteBuffer.wrap(bytes));
                return unused != null;
            } catch (CharacterCodingException e) {
                return false;
            }
        }

        /** The text, UTF-8 decoded; invalid bytes become U+FFFD. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
