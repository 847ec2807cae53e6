package io.smtpverdict.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Nothing is lost at the command line: the packaged jar, run as a user runs it, writes one record per input
 * line (numbered, in order) whatever the bytes are, reports what it cannot read with the line number, ends
 * quietly when its reader goes away, and fails with exit code 1 and the reason when it cannot write.
 */
final class NothingLostIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Path dir;

    @BeforeAll
    static void workDir() throws IOException {
        dir = Path.of(System.getProperty("verdict.workDir", "target/it"), "reliability");
        Files.createDirectories(dir);
    }

    record Run(int exitCode, byte[] out, String err) {
        List<JsonNode> records() {
            List<JsonNode> out = new ArrayList<>();
            for (String line : new String(this.out, StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    try {
                        out.add(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new UncheckedIOException("not JSON: " + line, e);
                    }
                }
            }
            return out;
        }
    }

    private static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        byte[] out = pb.redirectOutput() == ProcessBuilder.Redirect.PIPE ? p.getInputStream().readAllBytes() : new byte[0];
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the CLI finishes").isTrue();
        return new Run(p.exitValue(), out, Files.readString(err));
    }

    private static ProcessBuilder verdict(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dverdict.stdin.tty=false", "-Dverdict.stdout.tty=false", "-Dverdict.stderr.tty=false", "-jar",
                System.getProperty("verdict.jar", "target/verdict.jar")));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command);
    }

    private static Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static void assertOneRecordPerLine(Run run, int lines) {
        List<JsonNode> records = run.records();
        assertThat(records).as("one record per input line; stderr: %s", run.err()).hasSize(lines);
        for (int i = 0; i < lines; i++) {
            assertThat(records.get(i).path("line").asInt()).as("record %d is for line %d", i, i + 1).isEqualTo(i + 1);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty lines            | 550 5.1.1 user unknown\\n\\n\\n451 4.7.1 greylisted\\n                    | 4",
        "NUL bytes              | 550 5.1.1 a\\0b\\n\\0\\0\\n421 try later\\n                               | 3",
        "invalid UTF-8          | 550 5.1.1 caf\\xe9 \\xff\\xfe\\n\\xc3\\x28\\n250 ok\\n                      | 3",
        "no final newline       | 550 5.1.1 user unknown\\n451 4.7.1 no final newline                   | 2",
        "CR LF line ends        | 550 5.1.1 user unknown\\r\\n451 4.7.1 greylisted\\r\\n250 ok\\r\\n       | 3",
        "lone CR line ends      | 550 5.1.1 user unknown\\r451 4.7.1 greylisted\\r250 ok\\r             | 3",
        "only a newline         | \\n                                                                   | 1",
    })
    void classify_awkwardBytes_writesOneRecordPerLine(String name, String escaped, int lines) throws Exception {
        Path input = file(name.replace(' ', '-') + ".txt", unescape(escaped.strip()));
        Run run = run(verdict("classify", "--input", input.toString()));
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
        assertOneRecordPerLine(run, lines);
    }

    @Test
    void classify_tenMegabyteLine_isReportedOnItsLineAndTheOthersClassified() throws Exception {
        byte[] big = ("550 5.1.1 user unknown\n550 5.1.1 " + "x".repeat(10 * 1024 * 1024) + "\n421 try later\n")
                .getBytes(StandardCharsets.US_ASCII);
        Run run = run(verdict("classify", "--input", file("ten-megabytes.txt", big).toString()));
        assertThat(run.exitCode()).isZero();
        assertOneRecordPerLine(run, 3);
        assertThat(run.records().get(1).has("error") || run.records().get(1).has("outcome")).isTrue();
        assertThat(run.records().get(2).path("outcome").asText()).isEqualTo("DEFERRED");
    }

    @Test
    void classify_gzipCutShort_keepsEveryWholeLineAndNamesWhereItStopped() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            for (int i = 1; i <= 2000; i++) {
                out.write(("550 5.1.1 user" + i + " unknown\n").getBytes(StandardCharsets.US_ASCII));
            }
        }
        Path cut = file("cut.gz", Arrays.copyOf(gz.toByteArray(), 3000));
        Run run = run(verdict("classify", "--input", cut.toString()));
        assertThat(run.exitCode()).isEqualTo(1);
        List<JsonNode> records = run.records();
        assertThat(records).isNotEmpty();
        JsonNode last = records.get(records.size() - 1);
        assertThat(last.has("error")).as("the last record says the input ended early").isTrue();
        assertOneRecordPerLine(run, records.size());
        assertThat(run.err()).contains("cut.gz").contains("line " + (records.size() - 1));
    }

    @Test
    void classify_readerClosesItsEnd_endsQuietly() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            many.append("550 5.1.1 user unknown ").append(i).append('\n');
        }
        Path input = file("many.txt", many.toString().getBytes(StandardCharsets.US_ASCII));
        ProcessBuilder pb = verdict("classify", "--input", input.toString());
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try (InputStream out = p.getInputStream()) {
            int newlines = 0;
            while (newlines < 2) {
                if (out.read() == '\n') {
                    newlines++;
                }
            }
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(err)).as("nothing on stderr when the reader goes away").isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void classify_outputOnAFullDisk_exitsOneWithTheReason() throws Exception {
        File full = new File("/dev/full");
        assumeThat(full.exists()).as("/dev/full exists on Linux").isTrue();
        Path input = file("some.txt", "550 5.1.1 user unknown\n".repeat(10_000).getBytes(StandardCharsets.US_ASCII));
        Run run = run(verdict("classify", "--input", input.toString()).redirectOutput(full));
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsIgnoringCase("no space left on device");
    }

    @Test
    void classify_brokenRulesFile_exitsTwoNamingFileAndAnchor() throws Exception {
        Path rules = file("broken-rules.json", "{\"schemaVersion\": 2, \"rules\": [\n".getBytes(StandardCharsets.UTF_8));
        Run run = run(verdict("classify", "--rules", rules.toString(), "550 5.1.1 user unknown"));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("broken-rules.json").contains("docs/troubleshooting.md#table-syntax");
        assertThat(run.out()).isEmpty();
    }

    /** Turns {@code \n}, {@code \r}, {@code \0} and {@code \xNN} escapes into bytes; other characters are ASCII. */
    private static byte[] unescape(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char k = s.charAt(++i);
            switch (k) {
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case '0' -> out.write(0);
                case 'x' -> {
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> out.write(k);
            }
        }
        return out.toByteArray();
    }
}
