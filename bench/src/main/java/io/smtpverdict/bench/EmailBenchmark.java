package io.smtpverdict.bench;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.input.email.BounceReader;
import io.smtpverdict.input.email.EmailRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Single-thread throughput of whole bounce emails: one email per operation, parsed with mime4j, its recipients
 * found and each classified ({@link BounceReader#read}). The emails are the development corpus of real bounces
 * (the input module's test resources), loaded into memory first so that disk speed does not count. Run from the
 * repository root, or give the directory with {@code -p dir=...}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class EmailBenchmark {
    /** The directory of .eml files. */
    @Param("input/src/test/resources/io/smtpverdict/input/email/corpus")
    public String dir;

    private BounceReader reader;
    private byte[][] emails;
    private int next;

    /** Builds the engine and loads the emails. */
    @Setup
    public void setup() throws IOException {
        reader = BounceReader.of(VerdictEngine.builder().discoverPlugins().build());
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            List<Path> eml = files.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
            emails = new byte[eml.size()][];
            for (int i = 0; i < emails.length; i++) {
                emails[i] = Files.readAllBytes(eml.get(i));
            }
        }
        if (emails.length == 0) {
            throw new IllegalStateException("no .eml files in " + dir + ": run from the repository root");
        }
        System.out.printf("%n[setup] emails=%d%n", emails.length);
    }

    /** One email read into its records. */
    @Benchmark
    public List<EmailRecord> readEmail() throws IOException {
        byte[] e = emails[next];
        next = next + 1 == emails.length ? 0 : next + 1;
        return reader.read(new ByteArrayInputStream(e), "bench.eml", OptionalInt.empty());
    }
}
