package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.spi.Category;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken emails and containers: each gives a record saying what is wrong, and the rest is still read. */
final class BadInputTest {
    private static final String DSN_HEAD = "From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\n"
            + "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"zz\"\n\n";
    private static final String DSN_PART = "--zz\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; quinn@example.net\nAction: failed\n"
            + "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void read_truncatedMimePart_stillReadsTheReport() {
        String cut = DSN_HEAD + DSN_PART + "--zz\nContent-Type: message/rfc822\n\nFrom: sender@example.com\nTo: qu";
        List<EmailRecord> records = Emails.bytes(utf8(cut));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.recipient()).contains("quinn@example.net");
            assertThat(r.verdict().orElseThrow().category()).contains(Category.INVALID_RECIPIENT);
        });
    }

    @Test
    void read_missingBoundary_readsTheTextAsTheNotice() {
        String lost = DSN_HEAD.replace("boundary=\"zz\"", "boundary=\"never-used\"") + DSN_PART.replace("--zz\n", "");
        List<EmailRecord> records = Emails.bytes(utf8(lost));
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.recipient()).contains("quinn@example.net");
            assertThat(r.foundBy()).isEqualTo("dsn");
        });
    }

    @Test
    void read_unknownCharset_warnsAndReadsAsUtf8() {
        String email = "From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\nSubject: failure notice\n"
                + "Content-Type: text/plain; charset=x-no-such-charset\n\n"
                + "<rita@example.org>:\nRemote host said: 550 5.1.1 no such user\n";
        EmailRecord r = Emails.bytes(utf8(email)).get(0);
        assertThat(r.recipient()).contains("rita@example.org");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("x-no-such-charset"));
    }

    @Test
    void read_hugeAttachment_readsTheReportWithoutKeepingTheAttachment() throws IOException {
        long size = 50L << 20;
        InputStream head = new java.io.ByteArrayInputStream(utf8(DSN_HEAD + DSN_PART
                + "--zz\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\n\n"));
        InputStream body = new RepeatingStream("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkwMTIzNDU2Nzg5MDEyMzQ1\n",
                size);
        InputStream tail = new java.io.ByteArrayInputStream(utf8("\n--zz--\n"));
        List<EmailRecord> records = Emails.READER.read(new SequenceInputStream(new SequenceInputStream(head, body),
                tail), "big.eml", OptionalInt.empty());
        assertThat(records).singleElement().satisfies(r -> assertThat(r.recipient()).contains("quinn@example.net"));
    }

    @Test
    void read_hugeTextPart_cutAndWarned() {
        String big = "x".repeat(EmailParser.MAX_PART_BYTES + 1000);
        String email = "From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\nSubject: failure notice\n"
                + "Content-Type: text/plain\n\n<sam@example.org>:\nRemote host said: 550 5.1.1 no such user\n\n" + big;
        EmailRecord r = Emails.bytes(utf8(email)).get(0);
        assertThat(r.recipient()).contains("sam@example.org");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("was cut"));
    }

    @Test
    void read_binaryData_unreadableRecord() {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        junk[0] = 0;
        EmailRecord r = Emails.bytes(junk).get(0);
        assertThat(r.kind()).isEqualTo(EmailRecord.Kind.UNREADABLE);
        assertThat(r.error()).isPresent();
        assertThat(r.verdict()).isEmpty();
    }

    @Test
    void forEach_binaryFileInAMaildir_errorRecordAndTheOtherMessagesRead(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("cur"));
        Files.createDirectories(dir.resolve("new"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.write(dir.resolve("cur/1.host:2,S"), utf8(DSN_HEAD + DSN_PART + "--zz--\n"));
        byte[] junk = new byte[1000];
        new java.util.Random(3).nextBytes(junk);
        junk[5] = 0;
        Files.write(dir.resolve("cur/2.host:2,S"), junk);
        Files.write(dir.resolve("new/3.host"), utf8(DSN_HEAD + DSN_PART.replace("quinn", "uma") + "--zz--\n"));
        List<EmailRecord> out = new ArrayList<>();
        try (MailboxReader m = MailboxReader.open(dir, MailboxReader.Format.AUTO)) {
            m.forEach(Emails.READER, out::add);
        }
        assertThat(out).hasSize(3);
        assertThat(out.get(0).recipient()).contains("quinn@example.net");
        assertThat(out.get(1).error()).isPresent();
        assertThat(out.get(2).recipient()).contains("uma@example.net");
    }

    @Test
    void forEach_mboxWithoutFromLines_errorRecord(@TempDir Path dir) throws IOException {
        Path box = dir.resolve("box");
        Files.write(box, utf8(DSN_HEAD + DSN_PART + "--zz--\n"));
        List<EmailRecord> out = new ArrayList<>();
        try (MailboxReader m = MailboxReader.open(box, MailboxReader.Format.MBOX)) {
            m.forEach(Emails.READER, out::add);
        }
        assertThat(out).singleElement().satisfies(r -> {
            assertThat(r.error()).get().asString().contains("From_");
            assertThat(r.message()).isEqualTo(OptionalInt.of(1));
        });
    }

    @Test
    void forEach_mboxWithStrayTextFirst_oneUnreadableEmailUnlessToldItIsAnMbox(@TempDir Path dir) throws IOException {
        Path box = dir.resolve("box");
        Files.write(box, utf8("stray text\n\nFrom MAILER-DAEMON Mon Nov  2 10:15:01 2026\n" + DSN_HEAD + DSN_PART
                + "--zz--\n"));
        List<EmailRecord> out = new ArrayList<>();
        try (MailboxReader m = MailboxReader.open(box, MailboxReader.Format.AUTO)) {
            m.forEach(Emails.READER, out::add);
        }
        assertThat(out).singleElement().satisfies(r -> assertThat(r.error()).isPresent());
        out.clear();
        try (MailboxReader m = MailboxReader.open(box, MailboxReader.Format.MBOX)) {
            m.forEach(Emails.READER, out::add);
        }
        assertThat(out).hasSize(2);
        assertThat(out.get(0).error()).isPresent();
        assertThat(out.get(1).recipient()).contains("quinn@example.net");
    }

    /** A stream of one line repeated up to a size, without holding it. */
    private static final class RepeatingStream extends InputStream {
        private final byte[] line;
        private long left;
        private int at;

        RepeatingStream(String line, long size) {
            this.line = utf8(line);
            this.left = size;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            int b = line[at];
            at = (at + 1) % line.length;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            for (int i = 0; i < n; i++) {
                b[off + i] = line[at];
                at = (at + 1) % line.length;
            }
            left -= n;
            return n;
        }
    }
}
