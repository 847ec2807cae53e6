package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Rendered bytes kept in pooled chunks come back exactly as written, across chunk boundaries, as bytes or as text. */
final class ChunkedBytesTest {

    @Test
    void writeTo_arraysAndSingleBytesAcrossChunks_replaysTheBytesAndTheirTextInOrder() throws IOException {
        Queue<byte[]> pool = ChunkedBytes.pool(8);
        ChunkedBytes bytes = new ChunkedBytes(pool);
        StringBuilder expected = new StringBuilder();
        for (int i = 0; expected.length() < 3 * ChunkedBytes.CHUNK + 17; i++) {
            // characters of two and three bytes, so that some fall across a chunk boundary
            String piece = "record " + i + " {\"explanation\":\"Zugriff verweigert \u2013 \u5b58\u5728\u3057\u307e\u305b\u3093\"}\n";
            byte[] utf8 = piece.getBytes(StandardCharsets.UTF_8);
            if (i % 2 == 0) {
                bytes.write(utf8, 0, utf8.length);
            } else {
                for (byte b : utf8) {
                    bytes.write(b);
                }
            }
            expected.append(piece);
        }
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        StringWriter text = new StringWriter();

        bytes.writeTo(raw);
        bytes.writeTo(text);

        assertThat(raw.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
        assertThat(text.toString()).isEqualTo(expected.toString());
        bytes.release();
        assertThat(pool).hasSize(4);
    }

    @Test
    void utf8Output_textThenBytesThenText_keepsTheirOrder() throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        Utf8Output out = new Utf8Output(raw);
        ChunkedBytes rendered = new ChunkedBytes(ChunkedBytes.pool(2));
        rendered.write("{\"b\":\"\u00fc\"}\n".getBytes(StandardCharsets.UTF_8));

        out.write("[\u00e9]\n");
        out.writeUtf8(rendered);
        out.write("end\n");
        out.flush();

        assertThat(raw.toString(StandardCharsets.UTF_8)).isEqualTo("[\u00e9]\n{\"b\":\"\u00fc\"}\nend\n");
    }
}
