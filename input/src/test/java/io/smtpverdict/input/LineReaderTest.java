package io.smtpverdict.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class LineReaderTest {
    @Test
    void next_crlfAndMissingFinalNewline_giveCleanLines() throws IOException {
        assertThat(read("a\r\nb\nc", 256)).extracting(LineReader.Line::text).containsExactly("a", "b", "c");
    }

    @Test
    void next_loneCr_staysInsideItsLineSoNumbersMatchWcL() throws IOException {
        assertThat(read("550 5.1.1 user unknown\r451 4.7.1 greylisted\r250 ok\r", 256))
                .extracting(LineReader.Line::text).containsExactly("550 5.1.1 user unknown\r451 4.7.1 greylisted\r250 ok");
        assertThat(read("a\r\rb\r\n\nc", 256)).extracting(LineReader.Line::text).containsExactly("a\r\rb", "", "c");
        assertThat(read("a\rb\nc\n", 256)).extracting(LineReader.Line::number).containsExactly(1L, 2L);
    }

    @Test
    void next_crLfSplitAcrossBuffers_isOneLineEnd() throws IOException {
        String first = "x".repeat(64 * 1024 - 1);
        assertThat(read(first + "\r\nnext", 128 * 1024)).extracting(l -> l.text().length()).containsExactly(first.length(), 4);
    }

    @Test
    void next_byteOrderMark_isDroppedFromTheFirstLineOnly() throws IOException {
        assertThat(read("\uFEFFtype,rcpt\n\uFEFFx\n", 256)).extracting(LineReader.Line::text)
                .containsExactly("type,rcpt", "\uFEFFx");
    }

    @Test
    void next_emptyLines_areKept() throws IOException {
        assertThat(read("\n\nx\n", 256)).extracting(LineReader.Line::text).containsExactly("", "", "x");
    }

    @Test
    void next_overLongLine_keepsOnlyTheLimitAndReportsTheRealLength() throws IOException {
        List<LineReader.Line> lines = read("y".repeat(300_000) + "\nok\n", 1000);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).overLong()).isTrue();
        assertThat(lines.get(0).fullLength()).isEqualTo(300_000);
        assertThat(lines.get(0).bytes()).hasSize(1000);
        assertThat(lines.get(1).text()).isEqualTo("ok");
        assertThat(lines.get(1).number()).isEqualTo(2);
    }

    @Test
    void line_binaryAndInvalidUtf8_areRecognised() throws IOException {
        List<LineReader.Line> lines = read("a\0b\n\u00e9\n", 256);
        byte[] latin1 = {'r', (byte) 0xe9, 'x'};

        assertThat(lines.get(0).binary()).isTrue();
        assertThat(lines.get(1).validUtf8()).isTrue();
        assertThat(new LineReader.Line(1, latin1, 3, false).validUtf8()).isFalse();
    }

    @Test
    void next_pipeLikeStream_neverAsksAvailableOrSeeks() throws IOException {
        byte[] bytes = "550 5.1.1 user unknown\n451 4.7.1 later\n".getBytes(StandardCharsets.UTF_8);
        assertThat(read(new PipeLike(bytes), 256)).extracting(LineReader.Line::text)
                .containsExactly("550 5.1.1 user unknown", "451 4.7.1 later");
    }

    @Test
    void next_concatenatedGzipMembersFromAPipe_areAllRead() throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (String part : List.of("550 5.1.1 a\n", "451 4.7.1 b\n")) {
            java.io.ByteArrayOutputStream one = new java.io.ByteArrayOutputStream();
            try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(one)) {
                gz.write(part.getBytes(StandardCharsets.UTF_8));
            }
            all.writeBytes(one.toByteArray());
        }
        assertThat(read(new PipeLike(all.toByteArray()), 256)).extracting(LineReader.Line::text)
                .containsExactly("550 5.1.1 a", "451 4.7.1 b");
    }

    @Test
    void next_bzip2Input_isUnpacked() throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var bz = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(out)) {
            bz.write("550 5.1.1 a\n250 ok\n".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(read(new ByteArrayInputStream(out.toByteArray()), 256)).extracting(LineReader.Line::text)
                .containsExactly("550 5.1.1 a", "250 ok");
    }

    /** A stream like a pipe: a few bytes per read, and no available(), mark or skip to lean on. */
    private static final class PipeLike extends java.io.InputStream {
        private final byte[] bytes;
        private int pos;

        PipeLike(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, 3), bytes.length - pos);
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() throws IOException {
            throw new IOException("Illegal seek");
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    private static List<LineReader.Line> read(String text, int max) throws IOException {
        return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
    }

    private static List<LineReader.Line> read(java.io.InputStream in, int max) throws IOException {
        List<LineReader.Line> out = new ArrayList<>();
        try (LineReader r = new LineReader(in, max, () -> { })) {
            for (Optional<LineReader.Line> l = r.next(); l.isPresent(); l = r.next()) {
                out.add(l.get());
            }
        }
        return out;
    }
}
