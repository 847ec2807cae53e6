package io.smtpverdict.input.email;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One golden email per bounce family, written from each MTA's own bounce code and documentation. */
final class BounceReaderGoldenTest {

    private static EmailRecord only(List<EmailRecord> records) {
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    private static Verdict verdict(EmailRecord r) {
        assertThat(r.verdict()).as("verdict of %s", r).isPresent();
        return r.verdict().get();
    }

    @Test
    void read_postfixDsn_oneFailedRecipientWithReportFieldsAndOriginalHeaders() {
        EmailRecord r = only(Emails.golden("postfix-user-unknown.eml"));
        assertThat(r.kind()).isEqualTo(EmailRecord.Kind.BOUNCE);
        assertThat(r.recipient()).contains("alice@example.org");
        assertThat(r.foundBy()).isEqualTo("dsn");
        assertThat(r.stated()).isEqualTo(Outcome.FAILED);
        assertThat(r.fields()).containsEntry("action", "failed").containsEntry("status", "5.1.1")
                .containsEntry("diagnosticType", "smtp").containsEntry("remoteMta", "mx1.example.org")
                .containsEntry("reportingMta", "mail.example.com").containsEntry("queueId", "4F1A22C0123")
                .containsEntry("originalMessageId", "<campaign-42.alice@esp.example.com>")
                .containsEntry("originalSubject", "November news").containsEntry("X-Campaign-Id", "fall-2026")
                .containsEntry("verpRecipient", "alice@example.org");
        assertThat(r.fields().get("diagnosticCode"))
                .isEqualTo("550 5.1.1 <alice@example.org>: Recipient address rejected: User unknown in local "
                        + "recipient table");
        Verdict v = verdict(r);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
    }

    @Test
    void read_sesNotificationFoldedInsideItsJson_stillGivesEveryBouncedRecipient() {
        // the fields of an SES bounce notification as the SES developer guide documents them, with the long
        // JSON line folded by a relay inside a string and inside a key
        String email = String.join("\r\n",
                "From: no-reply@sns.amazonaws.com",
                "To: bounces@esp.example.com",
                "Subject: AWS Notification Message",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "{\"Type\" : \"Notification\", \"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\","
                        + "\"bounceSubType\":\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"jane@examp",
                "le.com\",\"action\":\"failed\",\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"},"
                        + "{\"emailAddress\":\"richard@example.com\",\"action\":\"failed\",\"sta",
                "tus\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}],\"reportingMTA\":\"dsn; a8-70.smtp-out.amazonses.com\"},"
                        + "\"mail\":{\"messageId\":\"000001378603177f-7a5433e7-8edb-42ae-af10-f0181f34d6ee-000000\"}}",
                "");
        List<EmailRecord> records = Emails.bytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(records).extracting(r -> r.recipient().orElseThrow())
                .containsExactly("jane@example.com", "richard@example.com");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.foundBy()).isEqualTo("ses");
            assertThat(verdict(r).category()).contains(Category.INVALID_RECIPIENT);
            assertThat(verdict(r).outcome()).isEqualTo(Outcome.FAILED);
        });
    }

    @Test
    void read_sesNotificationInsideAnSnsEnvelope_readsTheMessageFieldsNotification() {
        // an SNS "email-json" subscription: the envelope's Message is the SES notification as a JSON string; the
        // envelope's line was broken by Sendmail's overlong-line rule ("!", line break, space) inside that string
        String inner = "{\\\"notificationType\\\":\\\"Bounce\\\",\\\"bounce\\\":{\\\"bounceType\\\":\\\"Permanent\\\","
                + "\\\"bouncedRecipients\\\":[{\\\"emailAddress\\\":\\\"jane@example.com\\\",\\\"action\\\":\\\"failed\\\","
                + "\\\"status\\\":\\\"5.1.1\\\",\\\"diagnosticCode\\\":\\\"smtp; 550 5.1.1 user unknown\\\"}]},"
                + "\\\"mail\\\":{\\\"messageId\\\":\\\"0000014644fe5ef6-9a483358-9170-4cb4-a269-f5dcdf415321-000000\\\"}}";
        String line = "  \"Message\" : \"" + inner.replace("}}", ",\\\"headers\\\":[{\\\"name\\\":\\\"X-Filler\\\","
                + "\\\"value\\\":\\\"" + "y".repeat(900) + "\\\"}]}}") + "\",";
        assertThat(line).hasSizeGreaterThan(990);
        // Sendmail's rule for an SMTP mailer (990 characters a line): 989 of them, "!", the line break, a space
        String broken = line.substring(0, 989) + "!\r\n " + line.substring(989);
        String envelope = String.join("\r\n",
                "From: AWS Notifications <no-reply@sns.amazonaws.com>",
                "To: bounces@esp.example.com",
                "Subject: AWS Notification Message",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "{",
                "  \"Type\" : \"Notification\",",
                "  \"MessageId\" : \"22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324\",",
                broken,
                "  \"Timestamp\" : \"2012-05-02T00:54:06.655Z\"",
                "}",
                "");

        List<EmailRecord> records = Emails.bytes(envelope.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        EmailRecord r = only(records);
        assertThat(r.recipient()).contains("jane@example.com");
        assertThat(r.foundBy()).isEqualTo("ses");
        assertThat(verdict(r).category()).contains(Category.INVALID_RECIPIENT);
    }

    @Test
    void read_sesDeliveryNotification_oneDeliveredRecordPerRecipient() {
        // a Delivery notification with the fields the SES developer guide lists for the delivery object
        String email = String.join("\r\n",
                "From: no-reply@sns.amazonaws.com",
                "To: notices@esp.example.com",
                "Subject: AWS Notification Message",
                "Content-Type: text/plain; charset=UTF-8",
                "",
                "{\"notificationType\":\"Delivery\",\"mail\":{\"messageId\":\"0000014644fe5ef6-9a483358-9170-4cb4-a269-"
                        + "f5dcdf415321-000000\"},\"delivery\":{\"timestamp\":\"2014-05-28T22:41:01.184Z\","
                        + "\"processingTimeMillis\":546,\"recipients\":[\"success@simulator.amazonses.com\","
                        + "\"Other@Example.com\"],\"smtpResponse\":\"250 ok:  Message 64111812 accepted\","
                        + "\"reportingMTA\":\"a8-70.smtp-out.amazonses.com\",\"remoteMtaIp\":\"127.0.2.0\"}}",
                "");

        List<EmailRecord> records = Emails.bytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(records).extracting(r -> r.recipient().orElseThrow())
                .containsExactly("success@simulator.amazonses.com", "other@example.com");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.foundBy()).isEqualTo("ses");
            assertThat(r.stated()).isEqualTo(Outcome.DELIVERED);
            assertThat(verdict(r).outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(r.fields()).containsEntry("reportingMta", "a8-70.smtp-out.amazonses.com");
        });
    }

    @Test
    void read_sendmailTranscript_eachRecipientKeepsItsOwnExchangeNotTheNextHostsLine() {
        // the layout savemail.c, usersmtp.c and err.c write: the exchange, the recipient's status line, then a
        // status line about another host and mailer that is no part of this recipient's failure
        String email = String.join("\r\n",
                "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.com>",
                "To: sender@example.com",
                "Subject: Returned mail: User unknown",
                "",
                "   ----- Transcript of session follows -----",
                "While talking to mx.example.org:",
                ">>> RCPT To:<bob@example.org>",
                "<<< 550 <bob@example.org>... User unknown",
                "550 <bob@example.org>... User unknown",
                "421 other.example.net (smtp)... Deferred: Connection timed out during user open with other.example.net",
                "",
                "   ----- Unsent message follows -----",
                "From: sender@example.com",
                "To: bob@example.org",
                "Subject: hello",
                "",
                "hello",
                "");

        EmailRecord r = only(Emails.bytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.recipient()).contains("bob@example.org");
        assertThat(r.reply().orElseThrow()).contains("<<< 550 <bob@example.org>... User unknown")
                .doesNotContain("Connection timed out");
        assertThat(verdict(r).category()).contains(Category.INVALID_RECIPIENT);
    }

    @Test
    void read_sendmailTranscriptRefusedMailFrom_theRefusalBelongsToEveryRecipientAfterIt() {
        String email = String.join("\r\n",
                "From: Mail Delivery Subsystem <MAILER-DAEMON@mail.example.com>",
                "To: sender@example.com",
                "Subject: Returned mail: see transcript for details",
                "",
                "   ----- Transcript of session follows -----",
                "... while talking to mx.example.org.:",
                ">>> MAIL From:<sender@example.com>",
                "<<< 550 5.7.1 Relaying denied",
                "554 5.0.0 <bob@example.org>... Service unavailable",
                "554 5.0.0 <carol@example.org>... Service unavailable",
                "",
                "   ----- Original message follows -----",
                "");

        List<EmailRecord> records = Emails.bytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(records).extracting(r -> r.recipient().orElseThrow())
                .containsExactly("bob@example.org", "carol@example.org");
        assertThat(records).allSatisfy(r -> {
            assertThat(r.reply().orElseThrow()).startsWith("... while talking to mx.example.org.: "
                    + ">>> MAIL From:<sender@example.com> <<< 550 5.7.1 "
                    + "Relaying denied 554 5.0.0 <" + r.recipient().orElseThrow() + ">... Service unavailable");
            assertThat(r.foundBy()).isEqualTo("body");
        });
    }

    @Test
    void read_dsnWhoseDiagnosticSaysOnlyItsBasicCode_theStatusFieldClassifies() {
        // RFC 3464 §2.3.4: the Status field is the reporting MTA's RFC 3463 code for this recipient; a reply text
        // that no rule understands beyond its basic code leaves the verdict to it, as a logged dsn= status does
        String email = String.join("\r\n",
                "From: MAILER-DAEMON@mx.example.com",
                "To: sender@example.com",
                "Subject: Undelivered Mail Returned to Sender",
                "MIME-Version: 1.0",
                "Content-Type: multipart/report; report-type=delivery-status; boundary=\"b\"",
                "",
                "--b",
                "Content-Type: message/delivery-status",
                "",
                "Reporting-MTA: dns; mx.example.com",
                "",
                "Final-Recipient: rfc822; bob@example.org",
                "Action: failed",
                "Status: 5.1.1",
                "Diagnostic-Code: smtp; 550 Go away",
                "",
                "--b--",
                "");

        EmailRecord r = only(Emails.bytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(r.reply()).contains("550 Go away");
        assertThat(verdict(r).category()).contains(Category.INVALID_RECIPIENT);
        assertThat(verdict(r).advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
    }

    @Test
    void read_dsnWithTwoRecipients_oneRecordEachInLowerCase() {
        List<EmailRecord> records = Emails.golden("postfix-multi-recipient.eml");
        assertThat(records).extracting(r -> r.recipient().orElseThrow())
                .containsExactly("bob@example.net", "carol@example.net");
        assertThat(verdict(records.get(0)).category()).contains(Category.MAILBOX_FULL);
        assertThat(verdict(records.get(1)).category()).contains(Category.INVALID_RECIPIENT);
        assertThat(records).allSatisfy(r -> assertThat(r.fields()).containsEntry("originalMessageId",
                "<meeting-1@example.com>"));
    }

    @Test
    void read_delayedDsn_deferredNeverSuppressed() {
        EmailRecord r = only(Emails.golden("postfix-delayed.eml"));
        assertThat(r.recipient()).contains("dave@example.net");
        assertThat(r.fields()).containsEntry("action", "delayed")
                .containsEntry("willRetryUntil", "Mon,  9 Nov 2026 08:00:00 +0000 (UTC)")
                .containsEntry("diagnosticType", "x-postfix");
        Verdict v = verdict(r);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.advice()).isNotEqualTo(Advice.SUPPRESS_RECIPIENT);
    }

    @Test
    void read_delayedActionWithPermanentText_keepsTheMtasOutcomeAndFlagsTheMismatch() {
        Verdict v = verdict(only(Emails.golden("dsn-delayed-says-550.eml")));
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.has(Flag.CODE_MISMATCH)).isTrue();
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
    }

    @Test
    void read_statusWithoutDiagnosticCode_verdictFromTheStatus() {
        EmailRecord r = only(Emails.golden("dsn-status-only.eml"));
        assertThat(r.recipient()).contains("frank@example.net");
        assertThat(r.reply()).contains("5.1.1");
        Verdict v = verdict(r);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
    }

    @Test
    void read_sendmailDsn_reportedReplyWins() {
        EmailRecord r = only(Emails.golden("sendmail-dsn.eml"));
        assertThat(r.recipient()).contains("erin@example.org");
        assertThat(r.fields()).containsEntry("lastAttemptDate", "Thu, 5 Nov 2026 09:00:05 +0900")
                .containsEntry("originalMessageId", "<offer-7@example.com>");
        assertThat(r.reply().orElseThrow()).contains("550 5.7.1 Message rejected as spam by content filter");
        assertThat(verdict(r).category()).contains(Category.SPAM_CONTENT);
    }

    @Test
    void read_internationalisedDsn_base64AndUtf8Recipient() {
        EmailRecord r = only(Emails.golden("global-dsn.eml"));
        assertThat(r.recipient()).contains("jörgen@example.net");
        assertThat(verdict(r).category()).contains(Category.INVALID_RECIPIENT);
    }

    @Test
    void read_qmail_eachRecipientParagraphIsARecord() {
        List<EmailRecord> records = Emails.golden("qmail.eml");
        assertThat(records).extracting(r -> r.recipient().orElseThrow())
                .containsExactly("heidi@example.org", "ivan@example.org");
        assertThat(records).extracting(EmailRecord::foundBy).containsOnly("body");
        assertThat(verdict(records.get(0)).category()).contains(Category.INVALID_RECIPIENT);
        assertThat(verdict(records.get(1)).category()).contains(Category.BAD_DOMAIN);
        assertThat(records).allSatisfy(r -> assertThat(verdict(r).outcome()).isEqualTo(Outcome.FAILED));
        assertThat(records.get(0).fields()).containsEntry("originalMessageId", "<hello-1@example.com>");
    }

    @Test
    void read_exim_indentedRecipientAndItsError() {
        EmailRecord r = only(Emails.golden("exim.eml"));
        assertThat(r.recipient()).contains("judy@example.net");
        assertThat(r.reply().orElseThrow()).contains("SMTP error from remote mail server after RCPT TO")
                .doesNotContain("This is a copy of the message");
        assertThat(verdict(r).category()).contains(Category.MAILBOX_INACTIVE);
    }

    @Test
    void read_microsoft365Ndr_recipientWithTheRemoteServersReply() {
        EmailRecord r = only(Emails.golden("m365-ndr.eml"));
        assertThat(r.recipient()).contains("kim@example.org");
        assertThat(r.foundBy()).isEqualTo("body");
        assertThat(r.reply().orElseThrow()).contains("RESOLVER.ADR.RecipientNotFound");
        assertThat(verdict(r).category()).contains(Category.INVALID_RECIPIENT);
        assertThat(r.fields()).containsEntry("originalMessageId", "<report-q4@example.com>");
    }

    @Test
    void read_gmail_technicalDetailsBelongToTheRecipient() {
        EmailRecord r = only(Emails.golden("gmail.eml"));
        assertThat(r.recipient()).contains("liam@example.net");
        assertThat(r.reply().orElseThrow()).contains("Mailbox full");
        assertThat(verdict(r).category()).contains(Category.MAILBOX_FULL);
    }

    @Test
    void read_arfReport_complaintForTheOriginalRecipient() {
        EmailRecord r = only(Emails.golden("arf.eml"));
        assertThat(r.kind()).isEqualTo(EmailRecord.Kind.FEEDBACK_REPORT);
        assertThat(r.recipient()).contains("user@example.com");
        assertThat(r.foundBy()).isEqualTo("arf");
        assertThat(r.fields()).containsEntry("feedbackType", "abuse").containsEntry("sourceIp", "192.0.2.1");
        Verdict v = verdict(r);
        assertThat(v.category()).contains(Category.RECIPIENT_OPT_OUT);
        assertThat(v.advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
        assertThat(v.outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void read_autoReply_automatedReplyNeverAFailure() {
        for (String name : List.of("auto-reply.eml", "vacation-subject.eml")) {
            EmailRecord r = only(Emails.golden(name));
            assertThat(r.kind()).as(name).isEqualTo(EmailRecord.Kind.AUTO_REPLY);
            assertThat(r.stated()).isEqualTo(Outcome.DELIVERED);
            Verdict v = verdict(r);
            assertThat(v.category()).contains(Category.AUTOMATED_REPLY);
            assertThat(v.outcome()).isEqualTo(Outcome.DELIVERED);
            assertThat(v.advice()).isEqualTo(Advice.NONE);
        }
        assertThat(only(Emails.golden("auto-reply.eml")).recipient()).contains("mona@example.org");
    }

    @Test
    void read_challengeWithoutAutoReplyHeaders_automaticReplyItsRuleNames() {
        EmailRecord r = only(Emails.golden("challenge-ask.eml"));
        assertThat(r.kind()).isEqualTo(EmailRecord.Kind.AUTO_REPLY);
        assertThat(r.recipient()).contains("ana@example.org");
        Verdict v = verdict(r);
        assertThat(v.category()).contains(Category.AUTOMATED_REPLY);
        assertThat(v.rule().map(RuleRef::id)).contains("generic.provider.ask.confirmation-request");
        assertThat(v.advice()).isEqualTo(Advice.NONE);
    }

    @Test
    void read_ordinaryEmailThatMentionsAnAutomaticReply_staysNotABounce() {
        byte[] mail = ("From: Bo Berg <bo@example.org>\r\nTo: shop@example.com\r\nSubject: Re: the filter\r\n"
                + "Date: Sat, 05 Dec 2026 06:10:00 +0000\r\n\r\n"
                + "Our out of office rules send an automatic reply to every customer, which annoys people.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        EmailRecord r = only(Emails.bytes(mail));
        assertThat(r.kind()).isEqualTo(EmailRecord.Kind.NOT_A_BOUNCE);
        assertThat(r.verdict()).isEmpty();
    }

    @Test
    void read_ordinaryEmail_oneRecordWithoutVerdict() {
        EmailRecord r = only(Emails.golden("ordinary.eml"));
        assertThat(r.kind()).isEqualTo(EmailRecord.Kind.NOT_A_BOUNCE);
        assertThat(r.verdict()).isEmpty();
        assertThat(r.recipient()).isEqualTo(Optional.empty());
        assertThat(r.error()).isEmpty();
    }
}
