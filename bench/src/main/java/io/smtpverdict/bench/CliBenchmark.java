package io.smtpverdict.bench;

import io.smtpverdict.cli.VerdictCli;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The command line in process: {@code verdict classify --format jsonl --threads N --input FILE} over a file of
 * lines cycling through the realistic mix, output encoded as UTF-8 into a null stream, in a 64 MB heap. One
 * operation is one whole run: building the engine, reading, classifying and writing every line.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx64m"})
public class CliBenchmark {
    /** Classifier threads ({@code --threads}). */
    @Param({"1", "2"})
    public int threads;

    /** Input lines per run. */
    @Param("1000000")
    public int lines;

    private Path input;

    /** Writes the input file once per trial. */
    @Setup(Level.Trial)
    public void setup() throws IOException {
        input = Files.createTempFile("verdict-cli-bench", ".txt");
        BenchFiles.writeLines(input, lines);
    }

    /** Deletes the input file. */
    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(input);
    }

    /** One whole run; returns the exit code, which must be 0. */
    @Benchmark
    public int classifyFile() throws IOException {
        Writer out = new BufferedWriter(new OutputStreamWriter(OutputStream.nullOutputStream(), StandardCharsets.UTF_8),
                64 * 1024);
        int code = VerdictCli.run(new ByteArrayInputStream(new byte[0]), out, Writer.nullWriter(), "classify",
                "--format", "jsonl", "--threads", Integer.toString(threads), "--input", input.toString());
        if (code != 0) {
            throw new IllegalStateException("verdict classify exited with " + code);
        }
        return code;
    }
}
