package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same emails as single files, as one mbox (plain and gzip-compressed, with mboxrd quoting) and as a Maildir
 * give the same recipients and verdicts in the same order.
 */
final class MailboxEquivalenceTest {
    private static final List<String> NAMES = List.of("postfix-user-unknown.eml", "postfix-multi-recipient.eml",
            "postfix-delayed.eml", "sendmail-dsn.eml", "qmail.eml", "exim.eml", "m365-ndr.eml", "gmail.eml",
            "arf.eml", "auto-reply.eml", "ordinary.eml", "dsn-status-only.eml", "global-dsn.eml");

    private static byte[] golden(String name) throws IOException {
        try (InputStream in = MailboxEquivalenceTest.class.getResourceAsStream("golden/" + name)) {
            return in.readAllBytes();
        }
    }

    /** What must agree: recipient, kind, how it was found, and the verdict's decision. */
    private static List<String> summary(List<EmailRecord> records) {
        List<String> out = new ArrayList<>();
        for (EmailRecord r : records) {
            out.add(r.recipient().orElse("-") + " " + r.kind() + " " + r.foundBy() + " "
                    + r.verdict().map(v -> v.outcome() + "/" + v.category().orElse(null) + "/" + v.advice())
                            .orElse("none") + " " + r.fields().getOrDefault("originalMessageId", "-"));
        }
        return out;
    }

    private static List<EmailRecord> readAll(Path path, MailboxReader.Format format) throws IOException {
        List<EmailRecord> out = new ArrayList<>();
        try (MailboxReader m = MailboxReader.open(path, format)) {
            m.forEach(Emails.READER, out::add);
        }
        return out;
    }

    private static void writeMbox(OutputStream out) throws IOException {
        for (String name : NAMES) {
            out.write("From MAILER-DAEMON Mon Nov  2 10:15:01 2026\n".getBytes(StandardCharsets.US_ASCII));
            String text = new String(golden(name), StandardCharsets.UTF_8);
            // mboxrd: quote From_ lines (and already quoted ones) by one more '>'
            text = text.replaceAll("(?m)^(>*From )", ">$1");
            out.write(text.getBytes(StandardCharsets.UTF_8));
            if (!text.endsWith("\n")) {
                out.write('\n');
            }
            out.write('\n');
        }
    }

    @Test
    void read_sameEmailsAsFilesMboxGzipAndMaildir_sameRecords(@TempDir Path dir) throws IOException {
        List<EmailRecord> single = new ArrayList<>();
        for (String name : NAMES) {
            single.addAll(Emails.golden(name));
        }
        Path mbox = dir.resolve("bounces.mbox");
        try (OutputStream out = Files.newOutputStream(mbox)) {
            writeMbox(out);
        }
        Path gz = dir.resolve("bounces.mbox.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            writeMbox(out);
        }
        Path maildir = dir.resolve("Maildir");
        Files.createDirectories(maildir.resolve("cur"));
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        for (int i = 0; i < NAMES.size(); i++) {
            Files.write(maildir.resolve("cur").resolve(String.format("17620%05d.M%dP1.host:2,S", i, i)),
                    golden(NAMES.get(i)));
        }

        List<String> expected = summary(single);
        assertThat(expected).hasSizeGreaterThan(NAMES.size());
        List<EmailRecord> fromMbox = readAll(mbox, MailboxReader.Format.AUTO);
        assertThat(summary(fromMbox)).containsExactlyElementsOf(expected);
        assertThat(summary(readAll(gz, MailboxReader.Format.AUTO))).containsExactlyElementsOf(expected);
        assertThat(summary(readAll(maildir, MailboxReader.Format.AUTO))).containsExactlyElementsOf(expected);
        assertThat(summary(readAll(maildir, MailboxReader.Format.MAILDIR))).containsExactlyElementsOf(expected);
        assertThat(fromMbox.get(0).file()).isEqualTo(mbox.toString());
        assertThat(fromMbox.get(fromMbox.size() - 1).message()).hasValue(NAMES.size());
    }

    @Test
    void next_quotedFromLineInBody_unquotedAndNotASeparator() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("From a@example.com Mon Nov  2 10:15:01 2026\nSubject: one\n\nhello\n>From the start\n\n"
                + "From b@example.com Mon Nov  2 10:16:01 2026\nSubject: two\n\nbye\n").getBytes(
                        StandardCharsets.US_ASCII));
        Mbox mbox = new Mbox(new java.io.ByteArrayInputStream(b.toByteArray()));
        String first = new String(mbox.next().content().readAllBytes(), StandardCharsets.US_ASCII);
        String second = new String(mbox.next().content().readAllBytes(), StandardCharsets.US_ASCII);
        assertThat(mbox.next()).isNull();
        assertThat(first).isEqualTo("Subject: one\n\nhello\nFrom the start\n\n");
        assertThat(second).isEqualTo("Subject: two\n\nbye\n");
    }
}
