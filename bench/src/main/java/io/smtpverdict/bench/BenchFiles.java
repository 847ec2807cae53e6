package io.smtpverdict.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the benchmark inputs to files for the tools outside the JVM: the mix as JSON strings, one per line
 * (for the Sisimai comparison), and a large one-reply-per-line file (for the command line end to end).
 *
 * <pre>
 * java -cp benchmarks.jar io.smtpverdict.bench.BenchFiles mix FILE
 * java -cp benchmarks.jar io.smtpverdict.bench.BenchFiles lines FILE COUNT
 * </pre>
 */
public final class BenchFiles {
    private BenchFiles() {
    }

    /** Entry point; exits 2 on a usage error. */
    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("mix")) {
            writeMix(Path.of(args[1]));
        } else if (args.length == 3 && args[0].equals("lines")) {
            writeLines(Path.of(args[1]), Integer.parseInt(args[2]));
        } else {
            System.err.println("usage: BenchFiles mix FILE | BenchFiles lines FILE COUNT");
            System.exit(2);
        }
    }

    /** The realistic mix, each reply as one JSON string on its own line, in the order the benchmarks use. */
    public static void writeMix(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            JsonFactory factory = new JsonFactory();
            for (String reply : Workload.of(Workload.Mix.ALL)) {
                try (JsonGenerator g = factory.createGenerator(w)) {
                    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                    g.writeString(reply);
                }
                w.write('\n');
            }
        }
    }

    /** {@code count} lines cycling through the mix, line breaks inside a reply folded to spaces. */
    public static void writeLines(Path file, int count) throws IOException {
        List<String> mix = Workload.of(Workload.Mix.ALL);
        String[] lines = new String[mix.size()];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = mix.get(i).replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < count; i++) {
                w.write(lines[i % lines.length]);
                w.write('\n');
            }
        }
    }
}
