package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Rendered text kept in pooled chunks comes back exactly as written, across chunk boundaries. */
final class ChunkedTextTest {

    @Test
    void writeTo_charsStringsAndSingleCharsAcrossChunks_replaysTheTextInOrder() throws IOException {
        Queue<char[]> pool = ChunkedText.pool(8);
        ChunkedText text = new ChunkedText(pool);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; expected.length() < 3 * ChunkedText.CHUNK + 17; i++) {
            String piece = "record " + i + " {\"outcome\":\"FAILED\"}\n";
            switch (i % 3) {
                case 0 -> text.write(piece.toCharArray(), 0, piece.length());
                case 1 -> text.write(piece, 0, piece.length());
                default -> piece.chars().forEach(text::write);
            }
            expected.append(piece);
        }
        StringWriter out = new StringWriter();

        text.writeTo(out);

        assertThat(out.toString()).isEqualTo(expected.toString());
        text.release();
        assertThat(pool).hasSize(4);
    }
}
