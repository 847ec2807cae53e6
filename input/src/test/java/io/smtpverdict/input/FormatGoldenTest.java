package io.smtpverdict.input;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic lines of each MTA log and ESP event format, written from each product's documentation of its format
 * (the sources are named in the readers' Javadoc), read and classified end to end with the shipped plugins.
 */
final class FormatGoldenTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().discoverPlugins().build();

    /** One line and what must come of it; null means "not checked". */
    record Case(String name, String line, Outcome outcome, Category category, Advice advice, String recipient,
            String relay, String queueId, boolean mismatch) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case c(String name, String line, Outcome outcome, Category category, Advice advice,
            String recipient, String relay, String queueId) {
        return new Case(name, line, outcome, category, advice, recipient, relay, queueId, false);
    }

    private static Case mismatch(Case c) {
        return new Case(c.name, c.line, c.outcome, c.category, c.advice, c.recipient, c.relay, c.queueId, true);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // Postfix (issue 16's lines; the fields as src/global/log_adhoc.c writes them)
                // the resolver's "Host not found, try again" is a temporary failure, which the generic rules read as
                // the MTA does: no mismatch between the text and status=deferred
                c("postfix smtp deferred DNS", "Nov 29 10:00:01 mx1 postfix/smtp[2345]: 4Xb1Kq2Hv3z9: "
                        + "to=<alice@example.net>, relay=none, delay=0.5, delays=0.01/0.01/0.48/0, dsn=4.4.3, "
                        + "status=deferred (Host or domain name not found. Name service error for name=example.net "
                        + "type=MX: Host not found, try again)",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Advice.RETRY, "alice@example.net", "none", "4Xb1Kq2Hv3z9"),
                c("postfix smtp deferred TLS", "Nov 29 10:00:02 mx1 postfix/smtp[2346]: 4Xb1Kq2Hv3zA: "
                        + "to=<ann@example.net>, relay=mx.example.net[192.0.2.10]:25, delay=1.2, "
                        + "delays=0.01/0/1.2/0, dsn=4.7.4, status=deferred (TLS is required, but was not offered by "
                        + "host mx.example.net[192.0.2.10])",
                        Outcome.DEFERRED, null, Advice.FIX_CONFIGURATION, "ann@example.net", "mx.example.net[192.0.2.10]:25",
                        "4Xb1Kq2Hv3zA"),
                c("postfix smtp deferred timeout", "Nov 29 10:00:03 mx1 postfix/smtp[2347]: 4Xb1Kq2Hv3zB: "
                        + "to=<ben@example.net>, relay=mx.example.net[192.0.2.10]:25, delay=300, "
                        + "delays=0.01/0/0.3/300, dsn=4.4.2, status=deferred (conversation with "
                        + "mx.example.net[192.0.2.10] timed out while sending end of data -- message may be sent more "
                        + "than once)",
                        Outcome.DEFERRED, null, null, "ben@example.net", "mx.example.net[192.0.2.10]:25", "4Xb1Kq2Hv3zB"),
                c("postfix qmgr expired", "Nov 29 10:00:04 mx1 postfix/qmgr[123]: 4Xb1Kq2Hv3zC: "
                        + "from=<bounces@example.com>, status=expired, returned to sender",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, null, null, null, "4Xb1Kq2Hv3zC"),
                // qmgr_active.c's status for a message an operator expired with postsuper -e
                c("postfix qmgr force-expired", "Nov 29 10:00:04 mx1 postfix/qmgr[123]: 4Xb1Kq2Hv3zE: "
                        + "from=<bounces@example.com>, status=force-expired, returned to sender",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, null, null, null, "4Xb1Kq2Hv3zE"),
                c("postfix smtp bounced", "Nov 29 10:00:05 mx1 postfix/smtp[2348]: 4Xb1Kq2Hv3zD: "
                        + "to=<cid@example.net>, relay=mx.example.net[192.0.2.10]:25, delay=0.4, "
                        + "delays=0.01/0/0.2/0.2, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.10] said: "
                        + "550 5.1.1 <cid@example.net>: Recipient address rejected: User unknown in virtual mailbox "
                        + "table (in reply to RCPT TO command))",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "cid@example.net",
                        "mx.example.net[192.0.2.10]:25", "4Xb1Kq2Hv3zD"),
                c("postfix smtp sent", "Nov 29 10:00:06 mx1 postfix/smtp[2349]: 4Xb1Kq2Hv3zE: "
                        + "to=<dee@example.net>, relay=mx.example.net[192.0.2.10]:25, delay=0.9, "
                        + "delays=0.01/0/0.4/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 4Yc2Lr3Jw4)",
                        Outcome.DELIVERED, null, Advice.NONE, "dee@example.net", "mx.example.net[192.0.2.10]:25",
                        "4Xb1Kq2Hv3zE"),
                c("postfix lmtp deferred quota", "Nov 29 10:00:07 mx1 postfix/lmtp[2350]: 4Xb1Kq2Hv3zF: "
                        + "to=<eve@example.org>, relay=mail.example.org[private/dovecot-lmtp], delay=0.3, "
                        + "delays=0.1/0/0.1/0.1, dsn=4.2.2, status=deferred (host mail.example.org[private/dovecot-lmtp] "
                        + "said: 452 4.2.2 <eve@example.org> Quota exceeded (mailbox for user is full) (in reply to "
                        + "RCPT TO command))",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, Advice.RETRY, "eve@example.org",
                        "mail.example.org[private/dovecot-lmtp]", "4Xb1Kq2Hv3zF"),
                c("postfix local bounced", "Nov 29 10:00:08 mx1 postfix/local[2351]: 4Xb1Kq2Hv3zG: "
                        + "to=<fay@example.org>, relay=local, delay=0.1, delays=0.05/0/0/0.05, dsn=5.1.1, "
                        + "status=bounced (unknown user: \"fay\")",
                        Outcome.FAILED, null, null, "fay@example.org", "local", "4Xb1Kq2Hv3zG"),
                c("postfix virtual sent", "2026-11-29T10:00:09.123456+00:00 mx1 postfix/virtual[2352]: 4Xb1Kq2Hv3zH: "
                        + "to=<gus@example.org>, relay=virtual, delay=0.2, delays=0.1/0/0/0.1, dsn=2.0.0, "
                        + "status=sent (delivered to maildir)",
                        Outcome.DELIVERED, null, Advice.NONE, "gus@example.org", "virtual", "4Xb1Kq2Hv3zH"),
                // soft_bounce=yes: Postfix logs the bounce as "SOFTBOUNCE" and keeps the message (src/global/bounce.c)
                mismatch(c("postfix softbounce", "Nov 29 10:00:09 mx postfix/smtp[4321]: 4Xb1Kq2Hv3zJ: "
                        + "to=<hal@example.org>, relay=mx.example.org[192.0.2.7]:25, delay=3.9, "
                        + "delays=0.1/0.1/0.58/0.71, dsn=4.1.1, status=SOFTBOUNCE (host mx.example.org[192.0.2.7] said: "
                        + "550 5.1.1 <hal@example.org>: Recipient address rejected: User unknown in local recipient table "
                        + "(in reply to RCPT TO command))",
                        Outcome.DEFERRED, Category.INVALID_RECIPIENT, Advice.RETRY, "hal@example.org", "mx.example.org[192.0.2.7]:25",
                        "4Xb1Kq2Hv3zJ")),
                // Exim main log (Exim spec, "Log files")
                c("exim failed", "2026-11-29 10:01:00 1vABCd-000Xyz-7Q ** bob@example.net R=dnslookup "
                        + "T=remote_smtp H=mx.example.net [192.0.2.20]: SMTP error from remote mail server after "
                        + "RCPT TO:<bob@example.net>: 550 5.1.1 <bob@example.net>: Recipient address rejected: User "
                        + "unknown in virtual mailbox table",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "bob@example.net",
                        "mx.example.net", "1vABCd-000Xyz-7Q"),
                c("exim deferred", "2026-11-29 10:01:01 1vABCe-000Xyz-7Q == carl@example.net R=dnslookup "
                        + "T=remote_smtp defer (-44) H=mx.example.net [192.0.2.20]: SMTP error from remote mail server "
                        + "after RCPT TO:<carl@example.net>: 451 4.7.1 Greylisted, please try again later",
                        Outcome.DEFERRED, null, Advice.RETRY, "carl@example.net", "mx.example.net", "1vABCe-000Xyz-7Q"),
                mismatch(c("exim deferred but 5xx text", "2026-11-29 10:01:02 1vABCf-000Xyz-7Q == dan@example.net "
                        + "R=dnslookup T=remote_smtp defer (-44) H=mx.example.net [192.0.2.20]: SMTP error from remote "
                        + "mail server after RCPT TO:<dan@example.net>: 550 5.1.1 User unknown",
                        Outcome.DEFERRED, Category.INVALID_RECIPIENT, Advice.RETRY, "dan@example.net", "mx.example.net",
                        "1vABCf-000Xyz-7Q")),
                c("exim delivered", "2026-11-29 10:01:03 1vABCg-000Xyz-7Q => dora@example.net R=dnslookup "
                        + "T=remote_smtp H=mx.example.net [192.0.2.20] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes "
                        + "C=\"250 2.0.0 Ok: queued as 4Xb1Kq\"",
                        Outcome.DELIVERED, null, Advice.NONE, "dora@example.net", "mx.example.net", "1vABCg-000Xyz-7Q"),
                c("exim further delivery", "2026-11-29 10:01:03 1vABCg-000Xyz-7Q -> ed@example.net R=dnslookup "
                        + "T=remote_smtp H=mx.example.net [192.0.2.20] C=\"250 2.0.0 Ok: queued as 4Xb1Kq\"",
                        Outcome.DELIVERED, null, Advice.NONE, "ed@example.net", "mx.example.net", "1vABCg-000Xyz-7Q"),
                c("exim unrouteable", "2026-11-29 10:01:04 1vABCh-000Xyz-7Q ** nobody@nonexistent.example: "
                        + "Unrouteable address",
                        Outcome.FAILED, null, null, "nobody@nonexistent.example", null, "1vABCh-000Xyz-7Q"),
                // qmail-send (qmail-send.c logs "delivery N: success|deferral|failure: " and the report with its
                // spaces and newlines written as '_'; the texts are qmail-remote.c's and qmail-local.c's own)
                c("qmail failed", "@400000006568a1b20b2c3d4e delivery 3: failure: 192.0.2.20_does_not_like_recipient./"
                        + "Remote_host_said:_550_5.1.1_<bob@example.net>:_Recipient_address_rejected:_User_unknown_in_"
                        + "virtual_mailbox_table/Giving_up_on_192.0.2.20./",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, null, null, null),
                c("qmail deferred", "Nov 29 10:03:00 mail qmail: 1764410580.123456 delivery 4: deferral: "
                        + "Connected_to_192.0.2.20_but_greeting_failed./Remote_host_said:_421_4.7.0_Try_again_later,"
                        + "_closing_connection./",
                        Outcome.DEFERRED, null, null, null, null, null),
                c("qmail delivered", "@400000006568a1b20b2c3d4f delivery 5: success: 192.0.2.20_accepted_message./Remote_host_said:_250_2.0.0"
                        + "_Ok:_queued_as_4Xb1Kq/",
                        Outcome.DELIVERED, null, Advice.NONE, null, null, null),
                c("qmail local failure", "@400000006568a1b20b2c3d50 delivery 6: failure: Sorry,_no_mailbox_here_by_that_name._(#5.1.1)/",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, null, null, null, null),
                // OpenSMTPD (usr.sbin/smtpd/mta.c mta_log and mda.c mda_log: result= is the decision, stat= the reply
                // or OpenSMTPD's own error)
                c("opensmtpd failed", "Nov 29 10:04:00 mail smtpd[4242]: 7c2e3f6ca7c1f1e0 mta delivery "
                        + "evpid=a1b2c3d4e5f60718 from=<alice@example.com> to=<bob@example.net> rcpt=<-> "
                        + "source=\"192.0.2.1\" relay=\"192.0.2.7 (mx.example.net)\" delay=2s result=\"PermFail\" "
                        + "stat=\"550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown in virtual mailbox "
                        + "table\"",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "bob@example.net",
                        "mx.example.net", "a1b2c3d4e5f60718"),
                c("opensmtpd delivered", "Nov 29 10:04:01 mail smtpd[4242]: 7c2e3f6ca7c1f1e0 mta delivery "
                        + "evpid=a1b2c3d4e5f60719 from=<alice@example.com> to=<carl@example.net> rcpt=<-> "
                        + "source=\"192.0.2.1\" relay=\"192.0.2.7 (mx.example.net)\" delay=2s result=\"Ok\" "
                        + "stat=\"250 2.0.0 Ok: queued as 9B1C2D3E4F\"",
                        Outcome.DELIVERED, null, Advice.NONE, "carl@example.net", "mx.example.net", "a1b2c3d4e5f60719"),
                // the local delivery agent's own error has no code: result=TempFail decides, the words the category
                c("opensmtpd mda deferred", "Nov 29 10:04:02 mail smtpd[4242]: 7c2e3f6ca7c1f1e0 mda delivery "
                        + "evpid=a1b2c3d4e5f6071a from=<alice@example.com> to=<dan@example.net> user=dan delay=0s "
                        + "result=TempFail stat=Error (\"lda(dan): Error: msgid=<abc@example.com>: failed to store into "
                        + "mailbox 'INBOX': Quota exceeded (mailbox for user is full)\")",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, null, "dan@example.net", null, "a1b2c3d4e5f6071a"),
                // Sendmail (sendmail/deliver.c logs to=, relay=, dsn=, stat=)
                c("sendmail failed", "Nov 29 10:02:00 mail sm-mta[4242]: 4ATA00aB012345: to=<frank@example.net>, "
                        + "delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120447, relay=mx.example.net. "
                        + "[192.0.2.30], dsn=5.1.1, stat=User unknown",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, null, "frank@example.net", "mx.example.net",
                        "4ATA00aB012345"),
                // stat=User unknown names Sendmail's exit status for any 550: the dsn= or the remote's reply= says why
                c("sendmail failed, blocked", "Nov 29 10:02:00 mail sm-mta[4242]: 4ATA00aB012348: to=<frank@example.net>, "
                        + "delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120447, relay=mx.example.net. "
                        + "[192.0.2.30], dsn=5.7.1, stat=User unknown",
                        Outcome.FAILED, Category.POLICY_BLOCK, null, "frank@example.net", "mx.example.net",
                        "4ATA00aB012348"),
                c("sendmail failed, reply", "Nov 29 10:02:00 mail sm-mta[4242]: 4ATA00aB012349: to=<frank@example.net>, "
                        + "delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120447, relay=mx.example.net. "
                        + "[192.0.2.30], dsn=5.7.1, reply=550 5.7.1 Service unavailable; Client host [198.51.100.7] "
                        + "blocked using zen.spamhaus.org, stat=User unknown",
                        Outcome.FAILED, Category.REPUTATION_BLOCK, null, "frank@example.net", "mx.example.net",
                        "4ATA00aB012349"),
                c("sendmail deferred", "Nov 29 10:02:01 mail sm-mta[4243]: 4ATA00aB012346: to=<gail@example.net>, "
                        + "delay=00:00:05, xdelay=00:00:05, mailer=esmtp, pri=120447, relay=mx.example.net., "
                        + "dsn=4.0.0, stat=Deferred: Connection refused by mx.example.net.",
                        Outcome.DEFERRED, null, Advice.RETRY, "gail@example.net", "mx.example.net", "4ATA00aB012346"),
                c("sendmail sent", "Nov 29 10:02:02 mail sm-mta[4244]: 4ATA00aB012347: to=<hal@example.net>, "
                        + "delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120447, relay=mx.example.net. "
                        + "[192.0.2.30], dsn=2.0.0, stat=Sent (4Xb1Kq2Hv3z9 Message accepted for delivery)",
                        Outcome.DELIVERED, null, Advice.NONE, "hal@example.net", "mx.example.net", "4ATA00aB012347"),
                // SparkPost / Momentum events (msys.message_event)
                c("sparkpost bounce", "{\"msys\":{\"message_event\":{\"type\":\"bounce\",\"bounce_class\":\"10\","
                        + "\"message_id\":\"0001abcd\",\"rcpt_to\":\"ida@example.net\",\"timestamp\":\"1764410400\","
                        + "\"raw_reason\":\"550 5.1.1 <ida@example.net>: Recipient address rejected: User unknown\","
                        + "\"reason\":\"550 5.1.1 ...@... Recipient address rejected: User unknown\"}}}",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "ida@example.net", null,
                        "0001abcd"),
                c("sparkpost delay", "[{\"msys\":{\"message_event\":{\"type\":\"delay\",\"message_id\":\"0001abce\","
                        + "\"rcpt_to\":\"jay@example.net\",\"timestamp\":\"1764410401\",\"raw_reason\":\"452 4.2.2 "
                        + "Mailbox full\",\"num_retries\":\"2\"}}}]",
                        Outcome.DEFERRED, null, Advice.RETRY, "jay@example.net", null, "0001abce"),
                // SendGrid Event Webhook
                c("sendgrid bounce", "[{\"email\":\"kim@example.net\",\"timestamp\":1764410402,\"event\":\"bounce\","
                        + "\"type\":\"bounce\",\"status\":\"5.1.1\",\"reason\":\"550 5.1.1 The email account that you "
                        + "tried to reach does not exist.\",\"sg_event_id\":\"ZHVtbXk\",\"sg_message_id\":\"14c5d75ce93"
                        + ".filter0001.16648.5515E0B88.0\",\"smtp-id\":\"<14c5d75ce93@example.com>\"}]",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "kim@example.net", null,
                        "14c5d75ce93.filter0001.16648.5515E0B88.0"),
                c("sendgrid deferred", "{\"email\":\"lee@example.net\",\"timestamp\":1764410403,\"event\":\"deferred\","
                        + "\"response\":\"421 4.7.0 Try again later, closing connection.\",\"attempt\":\"3\","
                        + "\"sg_event_id\":\"ZHVtbXl\",\"sg_message_id\":\"14c5d75ce94.filter0001\"}",
                        Outcome.DEFERRED, null, null, "lee@example.net", null, "14c5d75ce94.filter0001"),
                // Mailgun events
                c("mailgun permanent", "{\"signature\":{\"timestamp\":\"1764410404\",\"token\":\"t\",\"signature\":\"s\"},"
                        + "\"event-data\":{\"event\":\"failed\",\"severity\":\"permanent\",\"reason\":\"bounce\","
                        + "\"recipient\":\"max@example.net\",\"timestamp\":1764410404.5,\"delivery-status\":{\"code\":550,"
                        + "\"message\":\"5.1.1 The email account that you tried to reach does not exist.\","
                        + "\"description\":\"\",\"mx-host\":\"mx.example.net\",\"enhanced-code\":\"5.1.1\"},"
                        + "\"message\":{\"headers\":{\"message-id\":\"20261129100004.1.ABC@mg.example.com\"}}}}",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "max@example.net",
                        "mx.example.net", "20261129100004.1.ABC@mg.example.com"),
                c("mailgun temporary", "{\"event\":\"failed\",\"severity\":\"temporary\",\"recipient\":\"ned@example.net\","
                        + "\"timestamp\":1764410405.1,\"delivery-status\":{\"code\":452,\"message\":\"4.2.2 The email "
                        + "account that you tried to reach is over quota.\",\"mx-host\":\"mx.example.net\","
                        + "\"attempt-no\":1}}",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, Advice.RETRY, "ned@example.net", "mx.example.net", null),
                // Postmark webhooks
                c("postmark hard bounce", "{\"RecordType\":\"Bounce\",\"ID\":4323372036854775807,\"Type\":\"HardBounce\","
                        + "\"TypeCode\":1,\"Name\":\"Hard bounce\",\"MessageID\":\"883953f4-6105-42a2-a16a-77a8eac79483\","
                        + "\"Description\":\"The server was unable to deliver your message (ex: unknown user, mailbox not "
                        + "found).\",\"Details\":\"smtp;550 5.1.1 The email account that you tried to reach does not "
                        + "exist.\",\"Email\":\"ora@example.net\",\"BouncedAt\":\"2026-11-29T10:00:06Z\"}",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "ora@example.net", null,
                        "883953f4-6105-42a2-a16a-77a8eac79483"),
                c("postmark soft bounce", "{\"RecordType\":\"Bounce\",\"Type\":\"SoftBounce\",\"TypeCode\":4096,"
                        + "\"MessageID\":\"883953f4-6105-42a2-a16a-77a8eac79484\",\"Details\":\"smtp;452 4.2.2 Mailbox "
                        + "full\",\"Email\":\"pat@example.net\",\"BouncedAt\":\"2026-11-29T10:00:07Z\"}",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, Advice.RETRY, "pat@example.net", null,
                        "883953f4-6105-42a2-a16a-77a8eac79484"),
                // Postal webhooks (webhook_delivery_service.rb around delivery.rb's webhook_hash)
                c("postal delivery failed", "{\"event\":\"MessageDeliveryFailed\",\"timestamp\":1764410412.5,"
                        + "\"payload\":{\"message\":{\"id\":4812,\"token\":\"Kp3sVb1x\",\"direction\":\"outgoing\","
                        + "\"message_id\":\"8f1c2d3e@mail.example.com\",\"to\":\"val@example.net\","
                        + "\"from\":\"news@example.com\",\"subject\":\"Hello\",\"timestamp\":1764410400.1,"
                        + "\"spam_status\":\"NotChecked\",\"tag\":null},\"status\":\"HardFail\",\"details\":"
                        + "\"Permanent SMTP delivery error when sending to 192.0.2.70:25 (mx.example.net)\",\"output\":"
                        + "\"550 5.1.1 <val@example.net>: Recipient address rejected: User unknown in virtual mailbox "
                        + "table\",\"sent_with_ssl\":true,\"timestamp\":1764410412.4,\"time\":0.31},"
                        + "\"uuid\":\"1c0f5f6e-7a44-4d1b-9d7e-0a8f2b6c9e11\"}",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "val@example.net", null,
                        "8f1c2d3e@mail.example.com"),
                c("postal delayed", "{\"event\":\"MessageDelayed\",\"timestamp\":1764410413.0,\"payload\":"
                        + "{\"message\":{\"id\":4813,\"message_id\":\"8f1c2d3f@mail.example.com\",\"to\":"
                        + "\"wes@example.net\"},\"status\":\"SoftFail\",\"details\":\"Temporary SMTP delivery error "
                        + "when sending to 192.0.2.71:25 (mx.example.net)\",\"output\":\"452 4.2.2 Mailbox full\","
                        + "\"sent_with_ssl\":false,\"timestamp\":1764410412.9,\"time\":0.2},\"uuid\":"
                        + "\"1c0f5f6e-7a44-4d1b-9d7e-0a8f2b6c9e12\"}",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, Advice.RETRY, "wes@example.net", null,
                        "8f1c2d3f@mail.example.com"),
                // Mandrill webhooks
                c("mandrill hard bounce", "[{\"event\":\"hard_bounce\",\"ts\":1764410408,\"_id\":\"abc123\","
                        + "\"msg\":{\"ts\":1764410300,\"_id\":\"abc123\",\"state\":\"bounced\",\"email\":\"quin@example.net\","
                        + "\"bounce_description\":\"bad_mailbox\",\"diag\":\"smtp;550 5.1.1 The email account that you "
                        + "tried to reach does not exist.\"}}]",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "quin@example.net", null,
                        "abc123"),
                c("mandrill deferral", "{\"event\":\"deferral\",\"ts\":1764410409,\"msg\":{\"_id\":\"abc124\","
                        + "\"state\":\"deferred\",\"email\":\"rae@example.net\",\"smtp_events\":[{\"ts\":1764410409,"
                        + "\"type\":\"deferred\",\"diag\":\"451 4.3.0 Mail server temporarily rejected message.\","
                        + "\"source_ip\":\"198.51.100.1\",\"destination_ip\":\"192.0.2.50\",\"size\":0}]}}",
                        Outcome.DEFERRED, null, Advice.RETRY, "rae@example.net", "192.0.2.50", "abc124"),
                // KumoMTA log records (reference/log_record)
                c("kumomta bounce", "{\"type\":\"Bounce\",\"id\":\"1d98076abbbc11ed940250ebf67f93bd\","
                        + "\"sender\":\"bounces@example.com\",\"recipient\":\"sam@example.net\",\"queue\":\"example.net\","
                        + "\"site\":\"(alt1|alt2)?.mx.example.net\",\"size\":1047,\"response\":{\"code\":550,"
                        + "\"enhanced_code\":{\"class\":5,\"subject\":1,\"detail\":1},\"content\":\"The email account "
                        + "that you tried to reach does not exist.\",\"command\":\"RCPT TO:<sam@example.net>\\r\\n\"},"
                        + "\"peer_address\":{\"name\":\"mx.example.net.\",\"addr\":\"192.0.2.60\"},\"timestamp\":1764410410}",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "sam@example.net",
                        "mx.example.net.", "1d98076abbbc11ed940250ebf67f93bd"),
                c("kumomta transient", "{\"type\":\"TransientFailure\",\"id\":\"1d98076abbbc11ed940250ebf67f93be\","
                        + "\"recipient\":\"tia@example.net\",\"queue\":\"example.net\",\"response\":{\"code\":451,"
                        + "\"enhanced_code\":{\"class\":4,\"subject\":7,\"detail\":1},\"content\":\"Greylisted, please try "
                        + "again later\",\"command\":\"RCPT TO\"},\"peer_address\":{\"name\":\"mx.example.net.\","
                        + "\"addr\":\"192.0.2.60\"},\"timestamp\":1764410411}",
                        Outcome.DEFERRED, null, Advice.RETRY, "tia@example.net", "mx.example.net.",
                        "1d98076abbbc11ed940250ebf67f93be"),
                c("kumomta expiration", "{\"type\":\"Expiration\",\"id\":\"1d98076abbbc11ed940250ebf67f93bf\","
                        + "\"recipient\":\"uma@example.net\",\"queue\":\"example.net\",\"response\":{\"code\":551,"
                        + "\"enhanced_code\":{\"class\":5,\"subject\":4,\"detail\":7},\"content\":\"Next delivery time "
                        + "would be at SOME TIME which exceeds the expiry time EXPIRES configured via set_scheduling\","
                        + "\"command\":null},\"timestamp\":1764410412}",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, null, "uma@example.net", null,
                        "1d98076abbbc11ed940250ebf67f93bf"),
                // GreenArrow Engine events
                c("greenarrow deferral", "{\"event_type\":\"delivery_attempt\",\"event_time\":1764410413,"
                        + "\"email\":\"val@example.net\",\"msguid\":\"1764410000.123\",\"status\":\"deferral\","
                        + "\"message\":\"192.0.2.70 does not like recipient./Remote host said: 452 4.2.2 Mailbox full\","
                        + "\"mx_hostname\":\"mx.example.net\",\"mx_ip\":\"192.0.2.70\",\"is_retry\":0}",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, Advice.RETRY, "val@example.net", "mx.example.net",
                        "1764410000.123"),
                c("greenarrow failure", "{\"event_type\":\"delivery_attempt\",\"event_time\":1764410414,"
                        + "\"email\":\"wes@example.net\",\"msguid\":\"1764410000.124\",\"status\":\"failure\","
                        + "\"message\":\"192.0.2.70 does not like recipient./Remote host said: 550 5.1.1 User unknown/"
                        + "Giving up on 192.0.2.70.\",\"mx_hostname\":\"mx.example.net\",\"mx_ip\":\"192.0.2.70\"}",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, null, "wes@example.net", "mx.example.net",
                        "1764410000.124"),
                c("greenarrow bounce_all", "{\"event_type\":\"bounce_all\",\"event_time\":1764410415,"
                        + "\"email\":\"xia@example.net\",\"bounce_type\":\"h\",\"bounce_code\":10,\"bounce_text\":\"550 "
                        + "5.1.1 <xia@example.net>: Recipient address rejected: User unknown\",\"listid\":\"a1\"}",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Advice.SUPPRESS_RECIPIENT, "xia@example.net", null,
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void classify_realisticLine_givesTheMtasOutcomeAndFields(Case c) throws IOException {
        List<InputRecord> records = read(c.line);
        assertThat(records).as("records").hasSize(1);
        InputRecord r = records.get(0);
        assertThat(r.error()).as("error").isEmpty();
        assertThat(r.reply()).as("reply").isPresent();
        Verdict v = ENGINE.classify(r.reply().get(), r.mta());
        assertThat(v.outcome()).as("outcome of %s", v).isEqualTo(c.outcome);
        if (c.category != null) {
            assertThat(v.category()).as("category of %s", v).contains(c.category);
        }
        if (c.advice != null) {
            assertThat(v.advice()).as("advice of %s", v).isEqualTo(c.advice);
        }
        if (v.outcome() == Outcome.DEFERRED) {
            assertThat(v.advice()).as("a deferral never advises suppression").isNotEqualTo(Advice.SUPPRESS_RECIPIENT);
        }
        assertThat(v.flags().contains(Flag.CODE_MISMATCH)).as("CODE_MISMATCH of %s", v).isEqualTo(c.mismatch);
        assertThat(Optional.ofNullable(r.context().get("recipient"))).as("recipient")
                .isEqualTo(Optional.ofNullable(c.recipient));
        if (c.relay != null) {
            assertThat(r.context()).as("relay").containsEntry("relay", c.relay);
        }
        if (c.queueId != null) {
            assertThat(r.context()).as("queue id").containsEntry("queueId", c.queueId);
        }
        assertThat(r.context()).as("time").containsKey("time");
    }

    @Test
    void classify_kumoRecordWithCommand_takesTheStageOfTheCommand() throws IOException {
        String record = "{\"type\":\"Bounce\",\"id\":\"1d98076abbbc11ed940250ebf67f93c0\",\"recipient\":"
                + "\"ada@example.net\",\"queue\":\"example.net\",\"response\":{\"code\":550,\"enhanced_code\":"
                + "{\"class\":5,\"subject\":7,\"detail\":1},\"content\":\"Message refused\",\"command\":"
                + "\".\\r\\n\"},\"timestamp\":1764410414}";
        InputRecord r = read(record).get(0);

        assertThat(r.context()).containsEntry("command", ".");
        assertThat(r.classify(ENGINE, io.smtpverdict.core.ClassifyOptions.DEFAULT).orElseThrow().stage())
                .isEqualTo(io.smtpverdict.spi.Stage.BODY);
        assertThat(r.classify(ENGINE, io.smtpverdict.core.ClassifyOptions.DEFAULT.withStage(
                io.smtpverdict.spi.Stage.MAIL)).orElseThrow().stage()).as("a caller's own hint wins")
                .isEqualTo(io.smtpverdict.spi.Stage.MAIL);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "'RCPT TO:<a@b.example>', RCPT", "'MAIL FROM:<>', MAIL", "DATA, DATA", "'.', BODY", "'ehlo mx.example', HELO",
        "STARTTLS, TLS", "'AUTH PLAIN', AUTH", "QUIT, UNKNOWN", "'', UNKNOWN"})
    void stageOfCommand_loggedCommand_givesItsStage(String command, io.smtpverdict.spi.Stage stage) {
        assertThat(InputRecord.stageOfCommand(command)).isEqualTo(stage);
    }

    @Test
    void read_sesBounceWithTwoRecipients_givesOneRecordPerRecipient() throws IOException {
        String ses = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bounceSubType\":"
                + "\"General\",\"bouncedRecipients\":[{\"emailAddress\":\"yan@example.net\",\"action\":\"failed\","
                + "\"status\":\"5.1.1\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"},{\"emailAddress\":"
                + "\"zoe@example.net\",\"action\":\"failed\",\"status\":\"5.2.2\",\"diagnosticCode\":\"smtp; 552 5.2.2 "
                + "Mailbox full\"}],\"timestamp\":\"2026-11-29T10:00:16.000Z\",\"feedbackId\":\"0100-abc\","
                + "\"reportingMTA\":\"dsn; a8-70.smtp-out.amazonses.com\",\"remoteMtaIp\":\"192.0.2.80\"},"
                + "\"mail\":{\"timestamp\":\"2026-11-29T10:00:15.000Z\",\"messageId\":\"0100018f-ses-id\","
                + "\"source\":\"sender@example.com\",\"destination\":[\"yan@example.net\",\"zoe@example.net\"]}}";
        List<InputRecord> records = read(ses);
        assertThat(records).extracting(r -> r.context().get("recipient"))
                .containsExactly("yan@example.net", "zoe@example.net");
        assertThat(records).extracting(r -> r.index().getAsInt()).containsExactly(0, 1);
        assertThat(records).allSatisfy(r -> {
            assertThat(r.context()).containsEntry("queueId", "0100018f-ses-id")
                    .containsEntry("relay", "a8-70.smtp-out.amazonses.com").containsKey("time");
            assertThat(ENGINE.classify(r.reply().orElseThrow(), r.mta()).outcome()).isEqualTo(Outcome.FAILED);
        });
        assertThat(ENGINE.classify(records.get(0).reply().get(), records.get(0).mta()).category())
                .contains(Category.INVALID_RECIPIENT);
        String snsWrapped = "{\"Type\":\"Notification\",\"MessageId\":\"m\",\"Message\":"
                + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(ses) + "}";
        assertThat(read(snsWrapped)).hasSize(2);
    }

    @Test
    void read_sesBounceWithoutItsMailObject_isStillReadAsSes() throws IOException {
        String ses = "{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\",\"bouncedRecipients\":"
                + "[{\"emailAddress\":\"yan@example.net\",\"action\":\"failed\",\"status\":\"5.1.1\","
                + "\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]}}";
        List<InputRecord> records = read(ses);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.context()).containsEntry("recipient", "yan@example.net").containsEntry("format", "ses");
            assertThat(ENGINE.classify(r.reply().orElseThrow(), r.mta()).category()).contains(Category.INVALID_RECIPIENT);
        });
    }

    @Test
    void read_sesDeliveryDelay_isDeferredPerRecipient() throws IOException {
        String ses = "{\"eventType\":\"DeliveryDelay\",\"mail\":{\"messageId\":\"0100-delay\"},\"deliveryDelay\":"
                + "{\"timestamp\":\"2026-11-29T10:00:17.000Z\",\"delayType\":\"MailboxFull\",\"expirationTime\":"
                + "\"2026-11-29T22:00:17.000Z\",\"delayedRecipients\":[{\"emailAddress\":\"amy@example.net\","
                + "\"status\":\"4.2.2\",\"diagnosticCode\":\"smtp; 452 4.2.2 Mailbox full\"}]}}";
        InputRecord r = read(ses).get(0);
        Verdict v = ENGINE.classify(r.reply().orElseThrow(), r.mta());
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.MAILBOX_FULL);
    }

    @Test
    void read_powerMtaAccounting_typeIsTheDecision() throws IOException {
        String csv = "type,timeLogged,orig,rcpt,orcpt,dsnAction,dsnStatus,dsnDiag,dsnMta,bounceCat,vmta,jobId\n"
                + "d,2026-11-29 10:00:18+0000,bounces@example.com,bea@example.net,,relayed,2.0.0 (success),"
                + "smtp;250 2.0.0 OK 1764410418,mx.example.net (192.0.2.90),,vmta1,job-7\n"
                + "b,2026-11-29 10:00:19+0000,bounces@example.com,cal@example.net,,failed,5.0.0 (undefined status),"
                + "smtp;451 4.3.0 Temporary system failure,mx.example.net (192.0.2.90),other,vmta1,job-7\n"
                + "t,2026-11-29 10:00:20+0000,bounces@example.com,dot@example.net,,delayed,4.0.0 (undefined status),"
                + "smtp;421 4.7.0 Try again later,mx.example.net (192.0.2.90),,vmta1,job-7\n"
                + "b,2026-11-29 10:00:21+0000,bounces@example.com,eli@example.net,,failed,5.1.1 (bad destination "
                + "mailbox address),\"smtp;550 5.1.1 <eli@example.net>: Recipient address rejected: User unknown\","
                + "mx.example.net (192.0.2.90),bad-mailbox,vmta1,job-7\n";
        List<InputRecord> records;
        try (RecordSource source = Readers.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                Optional.of("acct.csv"), ReadOptions.DEFAULT)) {
            records = drain(source);
        }
        assertThat(records).hasSize(4);
        List<Verdict> verdicts = records.stream().map(r -> ENGINE.classify(r.reply().orElseThrow(), r.mta())).toList();
        assertThat(verdicts).extracting(Verdict::outcome)
                .containsExactly(Outcome.DELIVERED, Outcome.FAILED, Outcome.DEFERRED, Outcome.FAILED);
        assertThat(verdicts.get(1).flags()).contains(Flag.CODE_MISMATCH);
        assertThat(verdicts.get(3).category()).contains(Category.INVALID_RECIPIENT);
        assertThat(records.get(3).context()).containsEntry("recipient", "eli@example.net")
                .containsEntry("relay", "mx.example.net (192.0.2.90)").containsEntry("time", "2026-11-29 10:00:21+0000");
    }

    @Test
    void read_dsnFields_actionIsTheDecisionPerRecipientBlock() throws IOException {
        String dsn = "Reporting-MTA: dns; mx1.example.com\n"
                + "Final-Recipient: rfc822; gil@example.net\n"
                + "Action: delayed\n"
                + "Status: 4.4.1\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n"
                + "Final-Recipient: rfc822; hugo@example.net\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\n";
        List<InputRecord> replies = read(dsn).stream().filter(r -> r.reply().isPresent()).toList();
        assertThat(replies).hasSize(2);
        Verdict delayed = ENGINE.classify(replies.get(0).reply().get(), replies.get(0).mta());
        assertThat(delayed.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(delayed.advice()).isNotEqualTo(Advice.SUPPRESS_RECIPIENT);
        assertThat(replies.get(1).context()).containsEntry("recipient", "hugo@example.net").doesNotContainKey("dsnAction");
        assertThat(ENGINE.classify(replies.get(1).reply().get(), replies.get(1).mta()).outcome())
                .isEqualTo(Outcome.FAILED);
    }

    @Test
    void read_postfixBounceNotice_isSkippedNotAnError() throws IOException {
        InputRecord r = read("Nov 29 10:00:22 mx1 postfix/bounce[2353]: 4Xb1Kq2Hv3zD: sender non-delivery "
                + "notification: 4Yc2Lr3Jw5").get(0);
        assertThat(r.skipped()).isPresent();
        assertThat(r.error()).isEmpty();
    }

    @Test
    void read_webhookEventsWithoutDeliveryResult_areSkipped() throws IOException {
        assertThat(read("{\"email\":\"a@example.net\",\"event\":\"open\",\"sg_event_id\":\"x\",\"timestamp\":1}")
                .get(0).skipped()).isPresent();
        assertThat(read("{\"type\":\"Reception\",\"id\":\"x\",\"recipient\":\"a@example.net\",\"response\":{}}")
                .get(0).skipped()).isPresent();
        assertThat(read("{\"event\":\"MessageLinkClicked\",\"timestamp\":1,\"payload\":{\"url\":\"https://example.com\"},"
                + "\"uuid\":\"x\"}").get(0).skipped()).isPresent();
    }

    @Test
    void read_repeatedFields_firstPresentWinsAndShapeStillGivesRecipient() throws IOException {
        ReadOptions options = ReadOptions.DEFAULT.withFields(List.of(
                com.fasterxml.jackson.core.JsonPointer.compile("/missing"),
                com.fasterxml.jackson.core.JsonPointer.compile("/reason")));
        InputRecord r = read("{\"email\":\"fin@example.net\",\"event\":\"bounce\",\"sg_event_id\":\"x\","
                + "\"reason\":\"550 5.1.1 no such user\",\"response\":\"ignored\"}", options).get(0);
        assertThat(r.reply()).contains("550 5.1.1 no such user");
        assertThat(r.context()).containsEntry("recipient", "fin@example.net");
        InputRecord unknown = read("{\"payload\":{\"text\":\"452 4.2.2 full\"}}",
                ReadOptions.DEFAULT.withFields(List.of(com.fasterxml.jackson.core.JsonPointer.compile("/payload/text"))))
                .get(0);
        assertThat(unknown.reply()).contains("452 4.2.2 full");
    }

    private static List<InputRecord> read(String line) throws IOException {
        return read(line, ReadOptions.DEFAULT);
    }

    private static List<InputRecord> read(String line, ReadOptions options) throws IOException {
        try (RecordSource source = Readers.open(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)),
                Optional.empty(), options)) {
            return drain(source);
        }
    }

    private static List<InputRecord> drain(RecordSource source) throws IOException {
        List<InputRecord> out = new ArrayList<>();
        for (Optional<InputRecord> r = source.next(); r.isPresent(); r = source.next()) {
            out.add(r.get());
        }
        return out;
    }
}
