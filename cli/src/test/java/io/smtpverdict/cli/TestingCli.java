package io.smtpverdict.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the CLI in-process with captured standard streams, as a person at a shell would, but without a terminal. */
final class TestingCli {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestingCli() {
    }

    /** What one run produced. */
    record Result(int exitCode, String out, String err) {
        /** Standard output as JSON Lines. */
        List<JsonNode> records() {
            return out.lines().map(TestingCli::parse).toList();
        }

        /** Standard output as one JSON value. */
        JsonNode json() {
            return parse(out);
        }
    }

    static Result run(String... args) {
        return run(new ByteArrayInputStream(new byte[0]), args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), args);
    }

    static Result run(InputStream stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = VerdictCli.run(CliEnvironment.batch(stdin), out, err, args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Runs with an output that fails on the first write with this message, like a full disk or a closed pipe. */
    static Result runWithFailingOutput(String failure, String stdin, String... args) {
        StringWriter err = new StringWriter();
        Writer out = new Writer() {
            @Override
            public void write(char[] cbuf, int off, int len) throws IOException {
                throw new IOException(failure);
            }

            @Override
            public void flush() throws IOException {
                throw new IOException(failure);
            }

            @Override
            public void close() {
            }
        };
        int code = VerdictCli.run(CliEnvironment.batch(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
                out, err, args);
        return new Result(code, "", err.toString());
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
