package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smtpverdict.cli.TestingCli.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code --threads}: several classifier threads give exactly the output of one, in input order, for every format,
 * with bad records, multi-line records and emails (one record per recipient) mixed in.
 */
final class ThreadsTest {
    private static final String BOUNCE = "From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\n"
            + "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"zz\"\n\n"
            + "--zz\nContent-Type: text/plain\n\nThe mail system\n\n--zz\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; quinn%d@example.net\nAction: failed\n"
            + "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"
            + "Final-Recipient: rfc822; rose%d@example.net\nAction: delayed\nStatus: 4.4.1\n"
            + "Diagnostic-Code: X-Postfix; connect to mx.example.net[192.0.2.9]:25: Connection timed out\n\n"
            + "--zz--\n";

    @TempDir
    Path dir;

    private Path lines;
    private Path mbox;
    private int lineRecords;

    /** Several batches of mixed lines (bad ones included) and an mbox of several batches of recipients. */
    @BeforeEach
    void inputs() throws IOException {
        String mixed;
        try (InputStream in = getClass().getResourceAsStream("/inputs/mixed.txt")) {
            mixed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            text.append(mixed);
            text.append("550 5.1.1 <user").append(i).append("@b.example>: Recipient address rejected\n");
            text.append("bin\0ary ").append(i).append('\n');
            text.append("x".repeat(300)).append(i).append('\n');
            text.append("451 4.7.1 try again later ").append(i).append('\n');
        }
        lines = dir.resolve("mixed.txt");
        Files.writeString(lines, text, StandardCharsets.UTF_8);
        StringBuilder mails = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            mails.append("From MAILER-DAEMON Mon Nov  2 10:15:01 2026\n").append(BOUNCE.replace("%d",
                    Integer.toString(i)));
        }
        mbox = dir.resolve("bounces.mbox");
        Files.writeString(mbox, mails, StandardCharsets.UTF_8);
        lineRecords = TestingCli.run("classify", "--format", "jsonl", "--threads", "1", "--input", lines.toString())
                .records().size();
    }

    private Result classify(String threads, String format) {
        return TestingCli.run("classify", "--format", format, "--threads", threads, "--max-line-bytes", "256",
                "--input", lines.toString(), mbox.toString(), lines.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"jsonl", "json", "csv", "table", "text"})
    void classify_severalThreads_sameOutputAsOneThread(String format) {
        Result one = classify("1", format);
        Result three = classify("3", format);

        assertThat(one.exitCode()).isZero();
        assertThat(three.exitCode()).isZero();
        assertThat(three.err()).isEqualTo(one.err());
        assertThat(three.out()).isEqualTo(one.out());
    }

    @Test
    void classify_severalThreads_everyRecordOnceInInputOrder() {
        List<JsonNode> records = classify("4", "jsonl").records();

        assertThat(lineRecords).isGreaterThan(3 * RecordPipeline.BATCH_RECORDS);
        assertThat(records).hasSize(2 * lineRecords + 800);
        List<String> order = new ArrayList<>();
        long previousLine = 0;
        String previousFile = "";
        for (JsonNode n : records) {
            String file = n.path("file").asText();
            long position = n.has("line") ? n.path("line").asLong() : n.path("message").asLong();
            if (file.equals(previousFile)) {
                assertThat(position).as("position after %d in %s", previousLine, file).isGreaterThanOrEqualTo(
                        previousLine);
            } else {
                order.add(file);
            }
            previousFile = file;
            previousLine = position;
        }
        assertThat(order).containsExactly(lines.toString(), mbox.toString(), lines.toString());
        List<JsonNode> mails = records.subList(lineRecords, lineRecords + 800);
        for (int i = 0; i < 400; i++) {
            assertThat(mails.get(2 * i).path("recipient").asText()).isEqualTo("quinn" + i + "@example.net");
            assertThat(mails.get(2 * i + 1).path("recipient").asText()).isEqualTo("rose" + i + "@example.net");
        }
        assertThat(records).filteredOn(n -> n.path("error").asText().contains("binary")).hasSize(2 * 300);
        assertThat(records).filteredOn(n -> n.path("error").asText().contains("256")).hasSize(2 * 300);
    }

    @Test
    void classify_standardInputOnSeveralThreads_sameOutputAsOneThread() throws IOException {
        String stdin = Files.readString(lines, StandardCharsets.UTF_8);

        Result one = TestingCli.runWithStdin(stdin, "classify", "--format", "jsonl", "--threads", "1");
        Result two = TestingCli.runWithStdin(stdin, "classify", "--format", "jsonl", "--threads", "2");

        assertThat(two.out()).isEqualTo(one.out());
        assertThat(two.records()).hasSize(lineRecords);
    }

    @Test
    void classify_truncatedGzipOnSeveralThreads_sameRecordsAndErrorAsOneThread() throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(packed)) {
            gzip.write(Files.readAllBytes(lines));
        }
        byte[] bytes = packed.toByteArray();
        Path cut = dir.resolve("cut.txt.gz");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));

        Result one = TestingCli.run("classify", "--format", "jsonl", "--threads", "1", "--input", cut.toString());
        Result two = TestingCli.run("classify", "--format", "jsonl", "--threads", "2", "--input", cut.toString());

        assertThat(one.exitCode()).isEqualTo(1);
        assertThat(two.exitCode()).isEqualTo(1);
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(two.err()).isEqualTo(one.err()).contains("cannot read");
        List<JsonNode> records = two.records();
        assertThat(records.get(records.size() - 1).path("error").asText()).contains("could not be read to the end");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void stats_severalThreads_sameReportAsOneThread(String format) {
        Result one = TestingCli.run("stats", "--format", format, "--threads", "1", "--input", lines.toString(),
                mbox.toString());
        Result two = TestingCli.run("stats", "--format", format, "--threads", "2", "--input", lines.toString(),
                mbox.toString());

        assertThat(one.exitCode()).isZero();
        assertThat(two.out()).isEqualTo(one.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2"})
    void classify_threadsBelowOne_usageError(String threads) {
        Result r = TestingCli.run("classify", "--threads", threads, "550 5.1.1 user unknown");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("--threads must be at least 1: " + threads);
    }

    @Test
    void inFlight_manyThreadsInASmallHeap_boundedByTheMemoryBudget() {
        long mib = 1024 * 1024;
        assertThat(RecordPipeline.inFlight(2, 64 * mib / 8)).isEqualTo(6); // 2 per thread and 2 more: fits
        assertThat(RecordPipeline.inFlight(16, 64 * mib / 8)).isEqualTo(8); // 34 would not fit in 8 MB
        assertThat(RecordPipeline.inFlight(16, 4 * mib)).isEqualTo(4); // never fewer than four
        assertThat(RecordPipeline.inFlight(16, 1024 * mib)).isEqualTo(34);
    }

    @Test
    void stats_threadsZero_usageError() {
        Result r = TestingCli.run("stats", "--threads", "0", "550 5.1.1 user unknown");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--threads must be at least 1: 0");
    }

    @Test
    void classify_fullDiskOnSeveralThreads_exitsWithOneAndTheReason() throws IOException {
        Result r = TestingCli.runWithFailingOutput("No space left on device", Files.readString(lines), "classify",
                "--threads", "2");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("cannot write output: No space left on device");
    }

    @Test
    void classify_readerGoneOnSeveralThreads_endsQuietly() throws IOException {
        Result r = TestingCli.runWithFailingOutput("Broken pipe", Files.readString(lines), "classify", "--threads",
                "2");

        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
    }
}
