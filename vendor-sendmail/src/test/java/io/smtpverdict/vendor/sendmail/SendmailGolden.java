package io.smtpverdict.vendor.sendmail;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.CONTENT_REJECTED;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.INVALID_SENDER;
import static io.smtpverdict.spi.Category.MAILBOX_FULL;
import static io.smtpverdict.spi.Category.MESSAGE_EXPIRED;
import static io.smtpverdict.spi.Category.MESSAGE_TOO_LARGE;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.RELAY_DENIED;
import static io.smtpverdict.spi.Category.REMOTE_SERVER_ERROR;
import static io.smtpverdict.spi.Category.REPUTATION_BLOCK;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TLS_FAILURE;
import static io.smtpverdict.spi.Category.TRANSIENT_OTHER;
import static io.smtpverdict.spi.Origin.LOCAL;
import static io.smtpverdict.spi.Origin.REMOTE;
import static io.smtpverdict.spi.Outcome.DEFERRED;
import static io.smtpverdict.spi.Outcome.FAILED;

import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Lines Sendmail writes, built from its source (sendmail/err.c, deliver.c, usersmtp.c, envelope.c, domain.c,
 * util.c, libsm/strexit.c and cf/m4/proto.m4) with realistic hosts and addresses, and the verdict each one means.
 * The rule tables' own examples are not repeated here.
 */
final class SendmailGolden {
    private SendmailGolden() {
    }

    /** Line, outcome, category (null: the embedded reply decides), stage, origin, deciding rule id without prefix. */
    static Stream<Arguments> lines() {
        return Stream.of(
                // giveresponse() for EX_TEMPFAIL: 'Deferred: ' + sm_errstring(errno)
                Arguments.of("<sales@example.net>... Deferred: Connection refused by [192.0.2.40]",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "deferred-connection-refused-literal"),
                Arguments.of("Dec  1 10:15:02 relay sm-mta[4242]: 0B1AF2vE004242: to=<sales@example.net>, delay=00:00:05,"
                        + " mailer=esmtp, pri=120342, relay=mx.example.net., dsn=4.0.0,"
                        + " stat=Deferred: Connection refused by mx.example.net.",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "deferred-connection-refused"),
                Arguments.of("stat=Deferred: Connection timed out with mx.example.net.",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "deferred-connection-timed-out"),
                Arguments.of("Deferred: Connection timed out with mx.example.net. during client MAIL",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "timed-out-during-session"),
                Arguments.of("Deferred: Connection reset by mx.example.net.",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "connection-reset"),
                Arguments.of("stat=Deferred: mx.example.net.: No route to host",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "no-route-to-host"),
                Arguments.of("stat=Deferred: Name server: example.net.: host name lookup failure",
                        DEFERRED, DNS_FAILURE, Stage.DNS, LOCAL, "dns-lookup-failure"),
                // giveresponse() for EX_NOHOST with h_errno: 'Host unknown (Name server: host: host not found)'
                Arguments.of("550 5.1.2 <sales@exampel.net>... Host unknown (Name server: exampel.net: host not found)",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "host-unknown"),
                Arguments.of("dsn=5.1.2, stat=Host unknown (Name server: mail.exampel.net: host not found)",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "host-unknown"),
                Arguments.of("556 5.1.10 <info@parked.example>... Host does not accept mail: MX 0 .",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "null-mx"),
                Arguments.of("553 5.3.5 relay.example.com. config error: mail loops back to me (MX problem?)",
                        FAILED, ROUTING_ERROR, Stage.HELO, LOCAL, "mail-loops-back"),
                Arguments.of("554 5.4.6 Too many hops 18 (17 max): from <list-bounces@lists.example.com> via"
                        + " relay.example.com, to <team@example.net>",
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "too-many-hops"),
                // dropenvelope(): the queue lifetime forms
                Arguments.of("Returned mail: Cannot send message for 5 days",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "queue-expired"),
                Arguments.of("<sales@example.net>... Deferred: Connection timed out with mx.example.net.\n"
                        + "Message could not be delivered for 5 days\nMessage will be deleted from queue",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "queue-expired-transcript"),
                Arguments.of("Warning: could not send message for past 4 hours",
                        DEFERRED, TRANSIENT_OTHER, Stage.QUEUE, LOCAL, "delay-warning"),
                Arguments.of("552 5.2.3 <sales@example.net>... Message is too large; 20971520 bytes max",
                        FAILED, MESSAGE_TOO_LARGE, Stage.MAIL, LOCAL, "message-too-large"),
                // the session transcript: stage from the command, verdict from the reply
                Arguments.of("----- Transcript of session follows -----\n... while talking to mx.example.net.:\n"
                        + ">>> RCPT To:<sales@example.net>\n<<< 550 5.7.1 <sales@example.net>... Relaying denied\n"
                        + "550 5.1.1 <sales@example.net>... User unknown",
                        FAILED, null, Stage.RCPT, LOCAL, "transcript-rcpt"),
                Arguments.of("... while talking to mx.example.net.:\n>>> DATA\n"
                        + "<<< 552 5.3.4 Message size exceeds fixed limit\n554 5.0.0 Service unavailable",
                        FAILED, null, Stage.DATA, LOCAL, "transcript-data"),
                Arguments.of("... while talking to mx.example.net.:\n"
                        + "<<< 421 4.3.2 mx.example.net Service not available, closing transmission channel",
                        DEFERRED, null, Stage.GREETING, LOCAL, "transcript-greeting"),
                // a local mailer's exit status as the Diagnostic-Code: sendmail/deliver.c, sysexits.h
                Arguments.of("X-Unix; 67", FAILED, INVALID_RECIPIENT, Stage.UNKNOWN, REMOTE, "x-unix-nouser"),
                Arguments.of("Diagnostic-Code: X-Unix; 75", DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, REMOTE,
                        "x-unix-temporary"),
                // Sendmail as the receiving server: cf/m4/proto.m4
                Arguments.of("550 5.7.1 Rejected: 203.0.113.9 listed at bl.spamcop.net",
                        FAILED, REPUTATION_BLOCK, Stage.UNKNOWN, REMOTE, "rbl-rejected"),
                Arguments.of("550 5.7.1 <sales@example.net>... Relaying denied. IP name lookup failed [203.0.113.9]",
                        FAILED, RELAY_DENIED, Stage.UNKNOWN, REMOTE, "relaying-denied-reverse-dns"),
                Arguments.of("553 5.1.8 <billing@invalid-sender.example>... Domain of sender address"
                        + " billing@invalid-sender.example does not exist",
                        FAILED, INVALID_SENDER, Stage.MAIL, REMOTE, "sender-domain-does-not-exist"),
                Arguments.of("451 4.1.8 Domain of sender address billing@example.com does not resolve",
                        DEFERRED, INVALID_SENDER, Stage.MAIL, REMOTE, "sender-domain-does-not-resolve"),
                // FreeBSD's and macOS's strerror(ETIMEDOUT) in the same sm_errstring() sentence
                Arguments.of("Dec  1 10:15:02 relay sm-mta[4242]: 0B1AF2vE004242: to=<sales@example.net>, delay=00:02:05,"
                        + " mailer=esmtp, pri=120342, relay=mx.example.net., dsn=4.0.0,"
                        + " stat=Deferred: Operation timed out with mx.example.net.",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "deferred-operation-timed-out"),
                // the wait for the reply to the final dot: the message may already be accepted
                Arguments.of("<sales@example.net>... Deferred: Connection timed out with mx.example.net. during client DATA status",
                        DEFERRED, CONNECTION_LOST, Stage.BODY, LOCAL, "timed-out-awaiting-data-status"),
                // the tls_server ruleset's texts (cf/m4/proto.m4) as a log's stat= carries them
                Arguments.of("stat=Deferred: 454 4.7.0 STARTTLS temporarily not possible.",
                        DEFERRED, TLS_FAILURE, Stage.TLS, LOCAL, "tls-server-check-failed"),
                // dropenvelope() and the mailer exit statuses, as a log reader hands on the stat= text, without codes
                Arguments.of("Message could not be delivered for 2 days",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "queue-expired-line"),
                Arguments.of("Can't create output",
                        FAILED, MAILBOX_FULL, Stage.UNKNOWN, LOCAL, "cant-create-output"),
                Arguments.of("Insufficient permission",
                        FAILED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "mailer-system-error"),
                Arguments.of("Operating system error",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "mailer-temporary-error"),
                Arguments.of("<sales@example.net>... Cannot send 8-bit data to 7-bit destination",
                        FAILED, CONTENT_REJECTED, Stage.DATA, LOCAL, "eight-bit-to-seven-bit"),
                Arguments.of("550 5.7.1 <|/usr/local/bin/autoreply>... Cannot mail directly to programs",
                        FAILED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "delivery-to-program-or-file-refused"),
                Arguments.of("553 5.1.3 <sales@@example.net>... Syntax error in mailbox address \"sales@@example.net\" (unbalanced)",
                        FAILED, INVALID_RECIPIENT, Stage.UNKNOWN, REMOTE, "recipient-address-syntax"),
                // deliver(): smtpauth() returned EX_TEMPFAIL; SmtpError 'Temporary AUTH failure' in the log's stat=
                Arguments.of("Dec  1 10:15:02 relay sm-mta[4242]: 0B1AF2vE004242: to=<sales@example.net>, delay=00:00:05,"
                        + " mailer=relay, pri=120342, relay=smarthost.example.net. [192.0.2.40], dsn=4.0.0,"
                        + " stat=Deferred: Temporary AUTH failure",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "auth-client-temporary-failure"),
                // alias.c forward(): no .forward opened, one open failed transiently
                Arguments.of("<sales@example.net>... transient .forward open error: message queued",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "forward-open-transient"),
                // parseaddr(): DeliveryMode=defer and a rewrite lookup failed for now
                Arguments.of("<sales@example.net>... Deferring message until queue run",
                        DEFERRED, TRANSIENT_OTHER, Stage.UNKNOWN, LOCAL, "deferring-until-queue-run"));
    }

    /** Remote replies and other MTAs' texts the Sendmail plugin must leave to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <sales@example.net>... User unknown",
                "421 4.7.0 Try again later, closing connection.",
                "Connected to 192.0.2.40 but connection died. (#4.4.2)",
                "host mx.example.net[192.0.2.40] said: 550 5.1.1 User unknown (in reply to RCPT TO command)");
    }
}
