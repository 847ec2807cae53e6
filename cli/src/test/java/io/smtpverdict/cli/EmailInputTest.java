package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.smtpverdict.cli.TestingCli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole emails through the command line: a Maildir, an mbox and a single email, recognised by content. */
final class EmailInputTest {
    private static final String BOUNCE = "From: MAILER-DAEMON@mx.example.com\nTo: sender@example.com\n"
            + "Subject: Undelivered Mail Returned to Sender\nMIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"zz\"\n\n"
            + "--zz\nContent-Type: text/plain\n\nThe mail system\n\n--zz\nContent-Type: message/delivery-status\n\n"
            + "Reporting-MTA: dns; mx.example.com\n\nFinal-Recipient: rfc822; Quinn@example.net\nAction: failed\n"
            + "Status: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n\n"
            + "Final-Recipient: rfc822; rose@example.net\nAction: delayed\nStatus: 4.4.1\n"
            + "Diagnostic-Code: X-Postfix; connect to mx.example.net[192.0.2.9]:25: Connection timed out\n\n"
            + "--zz--\n";

    @TempDir
    Path dir;

    private static void checkRecords(List<JsonNode> records, String file) {
        assertThat(records).hasSize(2);
        assertThat(records.get(0).path("file").asText()).isEqualTo(file);
        assertThat(records.get(0).path("recipient").asText()).isEqualTo("quinn@example.net");
        assertThat(records.get(0).path("foundBy").asText()).isEqualTo("dsn");
        assertThat(records.get(0).path("outcome").asText()).isEqualTo("FAILED");
        assertThat(records.get(0).path("category").asText()).isEqualTo("INVALID_RECIPIENT");
        assertThat(records.get(1).path("recipient").asText()).isEqualTo("rose@example.net");
        assertThat(records.get(1).path("outcome").asText()).isEqualTo("DEFERRED");
        assertThat(records.get(1).path("action").asText()).isEqualTo("delayed");
    }

    @Test
    void classify_maildir_oneRecordPerRecipient() throws IOException {
        Path maildir = dir.resolve("Maildir");
        Files.createDirectories(maildir.resolve("cur"));
        Files.createDirectories(maildir.resolve("new"));
        Files.createDirectories(maildir.resolve("tmp"));
        Path mail = maildir.resolve("new/1762078501.M1P1.host");
        Files.writeString(mail, BOUNCE, StandardCharsets.UTF_8);

        Result r = TestingCli.run("classify", "--format", "jsonl", "--input", maildir.toString());

        assertThat(r.exitCode()).isZero();
        checkRecords(r.records(), mail.toString());
    }

    @Test
    void classify_mboxAndSingleEmailByContent_sameRecords() throws IOException {
        Path mbox = dir.resolve("bounces");
        Files.writeString(mbox, "From MAILER-DAEMON Mon Nov  2 10:15:01 2026\n" + BOUNCE, StandardCharsets.UTF_8);
        Path eml = dir.resolve("one.eml");
        Files.writeString(eml, BOUNCE, StandardCharsets.UTF_8);

        Result fromMbox = TestingCli.run("classify", "--format", "jsonl", "--input", mbox.toString());
        Result fromEml = TestingCli.run("classify", "--format", "jsonl", "--input", eml.toString());

        checkRecords(fromMbox.records(), mbox.toString());
        assertThat(fromMbox.records().get(0).path("message").asInt()).isEqualTo(1);
        checkRecords(fromEml.records(), eml.toString());
    }

    @Test
    void classify_sendmailNoticeWithoutDsn_theQuotedReplyDecidesNotSendmailsOwnUserUnknown() throws IOException {
        // Sendmail (savemail.c, usersmtp.c) without a delivery-status part: the reply the receiver gave is quoted after
        // "<<<"; the "550 5.1.1 ... User unknown" line after it is Sendmail's own text for every 550 to RCPT
        Path eml = dir.resolve("sendmail.eml");
        Files.writeString(eml, String.join("\n",
                "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.com>",
                "To: sender@example.com",
                "Subject: Returned mail: see transcript for details",
                "",
                "The original message was received at Mon, 2 Nov 2026 10:15:01 +0100",
                "",
                "   ----- The following addresses had permanent fatal errors -----",
                "<bob@example.org>",
                "    (reason: 550 5.7.1 Client IP address listed on a blocklist)",
                "",
                "   ----- Transcript of session follows -----",
                "... while talking to mx.example.org.:",
                ">>> RCPT To:<bob@example.org>",
                "<<< 550 5.7.1 Client IP address listed on a blocklist",
                "550 5.1.1 <bob@example.org>... User unknown",
                "",
                "   ----- Original message follows -----",
                "Subject: hello",
                "",
                "hello",
                ""), StandardCharsets.UTF_8);

        Result r = TestingCli.run("classify", "--format", "jsonl", "--input", eml.toString());

        assertThat(r.records()).singleElement().satisfies(n -> {
            assertThat(n.path("recipient").asText()).isEqualTo("bob@example.org");
            assertThat(n.path("rule").path("id").asText()).isEqualTo("sendmail.transcript-rcpt");
            assertThat(n.path("category").asText()).isEqualTo("REPUTATION_BLOCK");
        });
    }

    @Test
    void stats_emailDirectory_countsRecipients() throws IOException {
        Files.writeString(dir.resolve("a.eml"), BOUNCE, StandardCharsets.UTF_8);

        Result r = TestingCli.run("stats", "--format", "json", "--input", dir.toString());

        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("\"FAILED\"").contains("\"DEFERRED\"");
    }

    @Test
    void classify_fileOfDsnFields_stillReadLineByLine() throws IOException {
        Path fields = dir.resolve("dsn.txt");
        Files.writeString(fields, "Reporting-MTA: dns; mx.example.com\nX-Postfix-Queue-ID: 4F1A2\n"
                + "X-Postfix-Sender: rfc822; sender@example.com\n\nFinal-Recipient: rfc822; quinn@example.net\n"
                + "Action: failed\nDiagnostic-Code: smtp; 550 5.1.1 user unknown\n", StandardCharsets.UTF_8);

        Result r = TestingCli.run("classify", "--format", "jsonl", "--input", fields.toString());

        assertThat(r.records()).allSatisfy(n -> assertThat(n.has("line")).isTrue());
        assertThat(r.records()).anySatisfy(n -> assertThat(n.path("category").asText()).isEqualTo(
                "INVALID_RECIPIENT"));
    }

    @Test
    void classify_csvOfAnMbox_eachRowSaysItsMessageAndRecipientUnderTheHeader() throws IOException {
        Path mbox = dir.resolve("bounces");
        String from = "From MAILER-DAEMON Mon Nov  2 10:15:01 2026\n";
        Files.writeString(mbox, from + BOUNCE + "\n" + from + BOUNCE.replace("Quinn@", "Uma@"), StandardCharsets.UTF_8);

        Result r = TestingCli.run("classify", "--format", "csv", "--input", mbox.toString());

        assertThat(r.exitCode()).isZero();
        // a header schema: a row with more values than the header has columns is an error, not a quiet shift
        List<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).<Map<String, String>>readValues(r.out()).readAll();
        assertThat(rows).extracting(row -> row.get("message") + " " + row.get("recipient") + " " + row.get("outcome"))
                .containsExactly("1 quinn@example.net FAILED", "1 rose@example.net DEFERRED",
                        "2 uma@example.net FAILED", "2 rose@example.net DEFERRED");
        assertThat(rows.get(0)).containsEntry("category", "INVALID_RECIPIENT").containsEntry("line", "");
    }

    @Test
    void explain_emailInput_explainsEachRecipientsVerdictAsClassifyDecidesIt() throws IOException {
        Path eml = dir.resolve("one.eml");
        Files.writeString(eml, BOUNCE, StandardCharsets.UTF_8);

        Result text = TestingCli.run("explain", "--input", eml.toString());
        Result json = TestingCli.run("explain", "--format", "json", "--input", eml.toString());

        assertThat(text.exitCode()).isZero();
        assertThat(text.out()).contains("recipient quinn@example.net").contains("recipient rose@example.net")
                .contains("action: delayed").contains("Matching rules by plugin");
        assertThat(json.json()).hasSize(2);
        assertThat(json.json().get(0).path("recipient").asText()).isEqualTo("quinn@example.net");
        assertThat(json.json().get(0).path("explanation").path("verdict").path("category").asText())
                .isEqualTo("INVALID_RECIPIENT");
        // the report's Action (delayed) counts, as in classify: the same text alone would read as final
        assertThat(json.json().get(1).path("explanation").path("verdict").path("outcome").asText())
                .isEqualTo("DEFERRED");
    }

    @Test
    void explain_codeAndInputTogether_usageError() throws IOException {
        Path eml = dir.resolve("one.eml");
        Files.writeString(eml, BOUNCE, StandardCharsets.UTF_8);

        assertThat(TestingCli.run("explain", "550", "--input", eml.toString()).exitCode()).isEqualTo(2);
    }

    @Test
    void classify_emailFormatWithArguments_usageError() {
        Result r = TestingCli.run("classify", "--input-format", "email", "550 5.1.1 user unknown");

        assertThat(r.exitCode()).isEqualTo(2);
    }
}
