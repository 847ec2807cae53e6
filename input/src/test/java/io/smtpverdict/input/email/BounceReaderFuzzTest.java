package io.smtpverdict.input.email;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the email reader with bytes seeded from the golden emails: it must never throw, must give at least one
 * record, and every record must be consistent (an unreadable email has an error and no verdict; a bounce has a
 * verdict; recipients are lower case).
 */
final class BounceReaderFuzzTest {
    private static final List<String> GOLDEN = List.of("postfix-user-unknown.eml", "postfix-multi-recipient.eml",
            "postfix-delayed.eml", "sendmail-dsn.eml", "qmail.eml", "exim.eml", "m365-ndr.eml", "gmail.eml",
            "arf.eml", "auto-reply.eml", "global-dsn.eml", "dsn-status-only.eml");

    static Stream<byte[]> seeds() {
        List<byte[]> out = new ArrayList<>();
        for (String name : GOLDEN) {
            try (InputStream in = BounceReaderFuzzTest.class.getResourceAsStream("golden/" + name)) {
                out.add(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.stream();
    }

    // entries stay on one line: the dictionary file Jazzer writes cannot hold a line break
    @MethodSource("seeds")
    @DictionaryEntries({"Content-Type: multipart/report; report-type=delivery-status; boundary=b", "--b",
        "--b--", "Content-Type: message/delivery-status", "Final-Recipient: rfc822; a@example.com",
        "Action: failed", "Action: delayed", "Status: 5.1.1", "Diagnostic-Code: smtp; 550 5.1.1 unknown",
        "Content-Type: message/rfc822", "Content-Transfer-Encoding: base64", "quoted-printable",
        "charset=iso-2022-jp", "message/feedback-report", "Feedback-Type: abuse", "Auto-Submitted: auto-replied",
        "<a@example.com>:", "Remote host said: ", "From MAILER-DAEMON Mon Nov  2 10:15:01 2026", "=?UTF-8?B?",
        "text/rfc822-headers", "notificationType"})
    @FuzzTest(maxDuration = "10s")
    void read(byte[] data) throws IOException {
        List<EmailRecord> records = Emails.READER.read(new ByteArrayInputStream(data), "fuzz.eml",
                OptionalInt.empty());
        check(!records.isEmpty(), "no record", data);
        for (EmailRecord r : records) {
            if (r.kind() == EmailRecord.Kind.UNREADABLE) {
                check(r.error().isPresent() && r.verdict().isEmpty(), "unreadable without error: " + r, data);
            } else {
                check(r.error().isEmpty(), "error on a read email: " + r, data);
            }
            if (r.kind() == EmailRecord.Kind.BOUNCE) {
                check(r.verdict().isPresent() && r.reply().isPresent(), "bounce without verdict: " + r, data);
            }
            r.recipient().ifPresent(a -> check(a.equals(a.toLowerCase(java.util.Locale.ROOT)),
                    "recipient not lower case: " + a, data));
        }
    }

    private static void check(boolean ok, String what, byte[] data) {
        if (!ok) {
            throw new IllegalStateException(what + " (input of " + data.length + " bytes)");
        }
    }
}
