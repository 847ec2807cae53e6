package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Runs the packaged CLI jar as its own process: the real main(), the real streams, the real exit codes. */
final class CliProcessIT {
    @Test
    void classify_mixedFormatFile_givesOneJsonRecordPerInputRecordAndExitsWithZero() throws Exception {
        Path input = TestingProcess.workDir().resolve("mixed.txt");
        try (InputStream in = getClass().getResourceAsStream("/inputs/mixed.txt")) {
            Files.copy(in, input, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Files.write(input, "bin\0ary\n".getBytes(StandardCharsets.UTF_8), java.nio.file.StandardOpenOption.APPEND);
        Path out = TestingProcess.workDir().resolve("mixed.jsonl");

        Process p = TestingProcess.builder(List.of(), "classify", "--format", "jsonl", "--input", input.toString())
                .redirectOutput(out.toFile()).redirectErrorStream(false).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("stderr: %s", err).isZero();
        assertThat(err).isEmpty();
        List<JsonNode> records = Files.readAllLines(out).stream().map(TestingCli::parse).toList();
        long physical = Files.readAllLines(input, StandardCharsets.ISO_8859_1).size();
        assertThat(records.stream().filter(n -> n.path("index").asInt(0) == 0).mapToLong(n -> n.path("lines").asLong(1))
                .sum()).isEqualTo(physical);
        assertThat(records).anySatisfy(n -> assertThat(n.path("queueId").asText()).isEqualTo("4F1A2B3C4D"));
        assertThat(records).anySatisfy(n -> assertThat(n.path("recipient").asText()).isEqualTo("bob@b.example"));
        assertThat(records).anySatisfy(n -> assertThat(n.path("error").asText()).contains("binary"));
        assertThat(records.get(0).path("category").asText()).isEqualTo("INVALID_RECIPIENT");
    }

    @Test
    void classify_gzipOnStandardInput_isUnpacked() throws Exception {
        Process p = TestingProcess.builder(List.of(), "classify").start();
        try (OutputStream stdin = new GZIPOutputStream(p.getOutputStream())) {
            stdin.write("550 5.1.1 user unknown\n".getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(TestingCli.parse(out).path("category").asText()).isEqualTo("INVALID_RECIPIENT");
    }

    @Test
    void classify_readerClosesThePipeEarly_endsQuietly() throws Exception {
        Path input = TestingProcess.workDir().resolve("many.txt");
        Files.write(input, java.util.Collections.nCopies(200_000, "550 5.1.1 user unknown"));

        Process p = TestingProcess.builder(List.of(), "classify", "--input", input.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).contains("INVALID_RECIPIENT");
        }
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(err).isEmpty();
        assertThat(p.exitValue()).isZero();
    }

    @Test
    void classify_fullDisk_exitsWithOneAndTheReason() throws Exception {
        File full = new File("/dev/full");
        assumeTrue(full.exists(), "needs the Linux /dev/full device");

        Process p = TestingProcess.builder(List.of(), "classify", "550 5.1.1 user unknown")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(full)).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).contains("cannot write output: No space left on device");
    }

    @Test
    void classify_invalidRulesFile_exitsWithTwoNamingTheFile() throws Exception {
        Path rules = TestingProcess.workDir().resolve("broken-rules.json");
        Files.writeString(rules, "{\"schemaVersion\": 2, \"rules\": [");

        Process p = TestingProcess.builder(List.of(), "classify", "--rules", rules.toString(), "550").start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(err).contains(rules.toString());
    }

    @Test
    void plugins_inTheShadedJar_findsEveryVendorThroughTheMergedServiceFile() throws IOException, InterruptedException {
        Process p = TestingProcess.builder(List.of(), "plugins").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(out).contains("generic").contains("greenarrow").contains("hurricane").contains("momentum")
                .contains("sendmail").contains("exchange").contains("qmail")
                .contains("postfix").contains("exim").contains("courier").contains("opensmtpd")
                .contains("domino").contains("kumomta").contains("postal").contains("powermta");
    }

    @Test
    void classify_quarterMillionLinesOnTwoThreadsInSmallHeap_everyLineOnceInOrder() throws Exception {
        int count = 250_000;
        Path input = TestingProcess.workDir().resolve("ordered.txt");
        try (java.io.BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= count; i++) {
                switch (i % 5) {
                    case 0 -> w.write("550 5.1.1 <user" + i + "@b.example>: Recipient address rejected: User unknown");
                    case 1 -> w.write("452 4.2.2 mailbox of " + i + " is full");
                    case 2 -> w.write("bin\0ary " + i);
                    case 3 -> w.write("{\"raw_reason\":\"421 4.7.0 try again later " + i + "\"}");
                    default -> w.write("");
                }
                w.write('\n');
            }
        }
        Path err = TestingProcess.workDir().resolve("ordered.err");

        Process p = TestingProcess.builder(List.of("-Xmx64m"), "classify", "--format", "jsonl", "--threads", "2",
                "--input", input.toString()).redirectError(err.toFile()).start();
        java.util.regex.Pattern line = java.util.regex.Pattern.compile("^\\{\"file\":\"[^\"]*\",\"line\":(\\d+),");
        long expected = 1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String record = out.readLine(); record != null; record = out.readLine()) {
                java.util.regex.Matcher m = line.matcher(record);
                assertThat(m.find()).as("record %d: %s", expected, record).isTrue();
                assertThat(Long.parseLong(m.group(1))).as("record %d", expected).isEqualTo(expected);
                if (expected % 5 == 2) {
                    assertThat(record).contains("\"error\"");
                }
                expected++;
            }
        }

        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("stderr: %s", Files.readString(err)).isZero();
        assertThat(expected - 1).isEqualTo(count);
        Files.delete(input);
    }

    @Test
    void classify_slowPipeOnTwoThreads_eachRecordComesOutBeforeTheNextLineArrives() throws Exception {
        Process p = TestingProcess.builder(List.of(), "classify", "--format", "jsonl", "--threads", "2").start();
        java.util.concurrent.ExecutorService reading = java.util.concurrent.Executors.newSingleThreadExecutor();
        try (OutputStream stdin = p.getOutputStream();
                BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                        StandardCharsets.UTF_8))) {
            for (String reply : List.of("550 5.1.1 user unknown", "452 4.2.2 mailbox full")) {
                stdin.write((reply + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                // Standard input stays open: the record must come out without more input or an end of input.
                String record = reading.submit(out::readLine).get(2, TimeUnit.MINUTES);
                assertThat(record).contains(reply);
            }
        } finally {
            reading.shutdownNow();
        }

        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
    }
}
