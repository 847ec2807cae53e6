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

    private static List<LineReader.Line> read(String text, int max) throws IOException {
        List<LineReader.Line> out = new ArrayList<>();
        try (LineReader r = new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max,
                () -> { })) {
            for (Optional<LineReader.Line> l = r.next(); l.isPresent(); l = r.next()) {
                out.add(l.get());
            }
        }
        return out;
    }
}
