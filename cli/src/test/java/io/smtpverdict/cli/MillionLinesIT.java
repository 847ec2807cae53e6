package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A million input lines through {@code classify --format jsonl} in a 64 MB heap, on two cores and on sixteen. */
final class MillionLinesIT {
    private static final int LINES = 1_000_000;

    private static final List<String> SAMPLES = List.of(
            "550 5.1.1 <user%d@b.example>: Recipient address rejected: User unknown",
            "452 4.2.2 Mailbox full",
            "Diagnostic-Code: smtp; 421 4.7.0 Try again later",
            "Nov 23 10:00:01 mx postfix/smtp[1]: Q%d: to=<u@c.example>, relay=mx.c.example[192.0.2.7]:25, "
                    + "status=deferred (host mx.c.example[192.0.2.7] said: 450 4.7.1 greylisted, try again "
                    + "(in reply to RCPT TO command))",
            "{\"raw_reason\":\"554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org\"}",
            "250 2.0.0 OK queued as %d",
            "",
            "Sorry, I couldn't find any host named mx%d.b.example. (#5.1.2)");

    @Test
    void classify_millionLinesInSmallHeap_writesOneRecordPerLine() throws Exception {
        classifyMillionLines(List.of("-Xmx64m"));
    }

    /** A machine with many cores starts a classifier thread per core: their batches and scratch must fit too. */
    @Test
    void classify_millionLinesInSmallHeapOnSixteenCores_writesOneRecordPerLine() throws Exception {
        classifyMillionLines(List.of("-Xmx64m", "-XX:ActiveProcessorCount=16"));
    }

    private static void classifyMillionLines(List<String> jvmOptions) throws Exception {
        Path dir = TestingProcess.workDir();
        Path input = dir.resolve("million.txt");
        try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            for (int i = 0; i < LINES; i++) {
                String sample = SAMPLES.get(i % SAMPLES.size());
                w.write(sample.contains("%d") ? String.format(sample, i) : sample);
                w.write('\n');
            }
        }
        Path err = dir.resolve("million.err");

        Process p = TestingProcess.builder(jvmOptions, "classify", "--format", "jsonl", "--input",
                input.toString()).redirectError(err.toFile()).start();
        long lines = 0;
        long lastNewlineFree = 0;
        byte[] buffer = new byte[1 << 16];
        try (InputStream out = p.getInputStream()) {
            for (int n = out.read(buffer); n >= 0; n = out.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                lastNewlineFree = n > 0 && buffer[n - 1] != '\n' ? 1 : 0;
            }
        }

        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("stderr: %s", Files.readString(err)).isZero();
        assertThat(lines).isEqualTo(LINES);
        assertThat(lastNewlineFree).isZero();
        assertThat(Files.readString(err)).isEmpty();
        Files.delete(input);
    }
}
