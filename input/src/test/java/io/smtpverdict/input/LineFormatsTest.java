package io.smtpverdict.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import io.smtpverdict.core.MtaDecision;
import io.smtpverdict.input.LineFormats.Extracted;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

final class LineFormatsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "550 5.1.1 user unknown | RAW",
        "Diagnostic-Code: smtp; 550 5.1.1 user unknown | DSN",
        "diagnostic-code: X-Postfix; host not found | DSN",
        "Final-Recipient: rfc822; a@b.example | DSN",
        "Action: failed Status: 5.1.1 Diagnostic-Code: smtp; 550 5.1.1 user unknown | RAW",
        "Final-Recipient: rfc822; a@b.example Action: failed diagnostic-code: smtp; 550 5.1.1 user unknown | RAW",
        "Status: 5.1.1 | DSN",
        "Status: 4.4.7 (delivery time expired) | DSN",
        "Action: delayed | DSN",
        "Status: Accepted -> Deferred. The receiving MTA throttled us (421 4.7.28 rate limited) | RAW",
        "Action: message held for review by the administrator | RAW",
        "Nov 23 10:00:02 mx postfix/qmgr[124]: 4F1A2B3C4D: removed | POSTFIX",
        "x: to=<a@b.example>, status=sent (250 ok) | POSTFIX",
        "smtpd[1]: 7c2e mta delivery evpid=a1b2 from=<a@b.example> to=<c@d.example> rcpt=<-> source=\"-\" relay=\"d.example\" delay=5s result=\"TempFail\" stat=\"No MX found for domain\" | OPENSMTPD",
        "smtpd[1]: 7c2e mda delivery evpid=a1b2 from=<a@b.example> to=<c@d.example> user=c delay=0s result=Ok stat=Delivered | OPENSMTPD",
        "delivery 6: failure: Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/ | QMAIL",
        "@400000006568a1b20b2c3d4e delivery 4: deferral: Connected_to_192.0.2.20_but_greeting_failed./ | QMAIL",
        "delivery of the message failed: 550 5.1.1 user unknown | RAW",
        "@400000006568a1b20b2c3d4f starting delivery 4: msg 42 to remote carl@example.net | QMAIL",
        "@400000006568a1b20b2c3d4f info msg 42: bytes 1234 from <a@example.org> qp 777 uid 89 | QMAIL",
        "@400000006568a1b20b2c3d4f status: local 0/10 remote 1/20 | QMAIL",
        "@400000006568a1b20b2c3d4f end msg 42 | QMAIL",
        "@400000006568a1b20b2c3d4f delivery 7: report mangled, will defer | QMAIL",
        "@400000006568a1b20b2c3d4f triple bounce: discarding bounce/42 | QMAIL",
        "please send msg 42 to the list | RAW",
        "{\"raw_reason\": \"550\"} | JSONL",
        "[{\"raw_reason\": \"550\"}] | JSONL",
        "Sorry, I couldn't find any host named mx.b.example. (#5.1.2) | RAW",
        "[internal] Message manually purged | RAW",
        "[#4.16.5] Server busy, try again later | RAW",
        "{not json} | RAW",
        "  { \"raw_reason\": \"550\" } | JSONL",
        "[ ] | JSONL"})
    void detect_recognisesEachFormat(String line, InputFormat format) {
        assertThat(LineFormats.detect(line)).isEqualTo(format);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Status: 5.1.1 | true",
        "Final-Recipient : rfc822; a@b.example | true",
        "X-Postfix-Sender: rfc822; a@b.example | true",
        "550 5.1.1 user unknown | false",
        "Sorry: no mailbox here | true",
        "Sorry no mailbox here: none | false",
        "a: b | false"})
    void mayBeField_passesOnlyANameBeforeAColon(String line, boolean expected) {
        assertThat(LineFormats.mayBeField(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "550-5.1.1 no such user. 550-5.1.1 try again. 550 5.1.1 https://x.example/ | true",
        "550-5.7.1 first 550 | true",
        "550-5.7.1 first | false",
        "550-5.7.1 see 5505 or 550-x or x550 | false",
        "550-5.7.1 not 451 5.7.1 | false",
        "550-550550550 | false"})
    void holdsFinalLine_findsTheFinalLineOfTheSameCodeAfterASpace(String line, boolean expected) {
        assertThat(LineFormats.holdsFinalLine(line)).isEqualTo(expected);
    }

    @Test
    void postfix_deferredConnectFailure_takesTheTextInTheParentheses() {
        Extracted e = LineFormats.postfix("Nov 23 10:00:01 mx postfix/smtp[9]: 3Tq1Z4xYzM: to=<a@b.example>, "
                + "relay=none, delay=30, dsn=4.4.1, status=deferred (connect to mx.b.example[192.0.2.7]:25: "
                + "Connection timed out)").orElseThrow();

        assertThat(e.reply()).contains("connect to mx.b.example[192.0.2.7]:25: Connection timed out");
        assertThat(e.context()).containsEntry("recipient", "a@b.example").containsEntry("relay", "none")
                .containsEntry("queueId", "3Tq1Z4xYzM").containsEntry("logStatus", "deferred");
    }

    @Test
    void qmail_failure_readsTheUnderscoresAsSpacesAndTheWordAsTheDecision() {
        Extracted e = MtaLogs.qmail("@400000006568a1b20b2c3d4e delivery 3: failure: 192.0.2.20_does_not_like_"
                + "recipient./Remote_host_said:_550_5.1.1_user_unknown/Giving_up_on_192.0.2.20./ msg 42").orElseThrow();

        assertThat(e.reply()).contains("192.0.2.20 does not like recipient./Remote host said: 550 5.1.1 user unknown/"
                + "Giving up on 192.0.2.20.");
        assertThat(e.context()).containsEntry("format", "qmail").containsEntry("delivery", "3")
                .containsEntry("time", "@400000006568a1b20b2c3d4e")
                .containsEntry("logStatus", "failure");
        assertThat(e.mta().decision()).contains(MtaDecision.FAILED);
        assertThat(MtaLogs.qmail("starting delivery 3: msg 42 to remote bob@example.net")).isEmpty();
        assertThat(MtaLogs.qmail("@400000006568a1b20b2c3d4f end msg 42")).isEmpty();
    }

    @Test
    void postfix_withoutStatus_isEmpty() {
        assertThat(LineFormats.postfix("Nov 23 10:00:02 mx postfix/qmgr[124]: 4F1A2B3C4D: removed")).isEmpty();
    }

    @Test
    void postfix_statusWithoutParentheses_isAnError() {
        Extracted e = LineFormats.postfix("x: to=<a@b.example>, status=sent").orElseThrow();

        assertThat(e.reply()).isEmpty();
        assertThat(e.error()).contains("no reply text in parentheses after status=sent");
    }

    @Test
    void diagnosticReply_dropsTheFieldNameAndType() {
        assertThat(LineFormats.diagnosticReply("Diagnostic-Code: smtp; 550 5.1.1 user unknown"))
                .isEqualTo("550 5.1.1 user unknown");
    }

    @Test
    void diagnosticReply_exitStatusAlone_keepsItsType() {
        // Sendmail's deliver.c writes a local mailer's exit status as the diagnostic: 67 is EX_NOUSER only as X-Unix
        assertThat(LineFormats.diagnosticReply("Diagnostic-Code: X-Unix; 67")).isEqualTo("X-Unix; 67");
        assertThat(LineFormats.diagnosticReply("Diagnostic-Code: x-unix; user unknown")).isEqualTo("user unknown");
        assertThat(LineFormats.stripDiagnosticType("X-Unix; 75")).isEqualTo("X-Unix; 75");
    }

    @Test
    void stripDiagnosticType_dropsPowerMtaSmtpPrefix() {
        assertThat(LineFormats.stripDiagnosticType("smtp;550 5.1.1 user unknown")).isEqualTo("550 5.1.1 user unknown");
        assertThat(LineFormats.stripDiagnosticType("550 5.1.1 user unknown")).isEqualTo("550 5.1.1 user unknown");
    }

    @Test
    void json_fieldHoldingAPostfixDeliveryLine_isReadAsThatLine() {
        String event = "{\"MESSAGE\": \"postfix/smtp[211]: 4F1A2B3C4D: to=<jane@example.net>, "
                + "relay=mx.example.net[192.0.2.9]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.9] "
                + "said: 550 5.1.1 <jane@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO "
                + "command))\", \"_HOSTNAME\": \"mx1\"}";

        Extracted e = LineFormats.json(event, List.of(JsonPointer.compile("/MESSAGE")))
                .get(0);

        assertThat(e.reply()).contains("host mx.example.net[192.0.2.9] said: 550 5.1.1 <jane@example.net>: Recipient"
                + " address rejected: User unknown (in reply to RCPT TO command)");
        assertThat(e.context()).containsEntry("recipient", "jane@example.net").containsEntry("logStatus", "bounced");
        assertThat(e.mta().decision()).contains(MtaDecision.FAILED);
    }

    @Test
    void json_fieldHoldingAQmailDeliveryLine_readsItsUnderscoresAsSpaces() {
        Extracted e = LineFormats.json("{\"recipient\": \"carl@example.net\", \"message\": \"delivery 245: failure: "
                + "Unable_to_run_qmail-remote./\"}", List.of()).get(0);

        assertThat(e.reply()).hasValueSatisfying(r -> assertThat(r).startsWith("Unable to run qmail-remote."));
        assertThat(e.context()).containsEntry("recipient", "carl@example.net");
        assertThat(e.mta().decision()).contains(MtaDecision.FAILED);
    }

    @Test
    void json_fieldHoldingALogLineWithoutADeliveryStatus_isClassifiedAsGiven() {
        String line = "postfix/smtpd[12]: NOQUEUE: reject: RCPT from unknown[192.0.2.1]: 554 5.7.1 <a@example.net>: "
                + "Relay access denied";

        assertThat(LineFormats.json("{\"text\": \"" + line + "\"}",
                List.of(JsonPointer.compile("/text"))))
                .singleElement().extracting(Extracted::reply).isEqualTo(Optional.of(line));
    }

    @Test
    void json_withoutField_triesTheUsualWebhookPointers() {
        assertThat(LineFormats.json("{\"raw_reason\":\"550 5.1.1 x\"}", List.of()))
                .singleElement().extracting(Extracted::reply).isEqualTo(Optional.of("550 5.1.1 x"));
        assertThat(LineFormats.json("{\"a\":1}", List.of()))
                .singleElement().extracting(Extracted::error).asString().contains("--field");
    }

    @Test
    void json_errorObjectOfAnEmailApi_givesItsTextInItsOwnSpelling() {
        String postmark = "{\"ErrorCode\": 406, \"Message\": \"You tried to send to a recipient that has been marked as"
                + " inactive.\"}";

        assertThat(LineFormats.json(postmark, List.of())).singleElement().extracting(Extracted::reply)
                .isEqualTo(Optional.of("You tried to send to a recipient that has been marked as inactive."));
        assertThat(LineFormats.json("{\"Error\": {\"Code\": 1}, \"ERROR_MESSAGE\": \"Mailbox full\"}", List.of()))
                .singleElement().extracting(Extracted::reply).isEqualTo(Optional.of("Mailbox full"));
        assertThat(LineFormats.json("{\"Error\": 7}", List.of()))
                .singleElement().extracting(Extracted::error).asString().contains("--field");
    }
}
