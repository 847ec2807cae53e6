package io.smtpverdict.vendor.qmail;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.LOCAL_POLICY;
import static io.smtpverdict.spi.Category.MESSAGE_EXPIRED;
import static io.smtpverdict.spi.Category.MESSAGE_TOO_LARGE;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.RELAY_DENIED;
import static io.smtpverdict.spi.Category.REMOTE_SERVER_ERROR;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TLS_FAILURE;
import static io.smtpverdict.spi.Origin.LOCAL;
import static io.smtpverdict.spi.Origin.REMOTE;
import static io.smtpverdict.spi.Outcome.DEFERRED;
import static io.smtpverdict.spi.Outcome.FAILED;

import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Lines of qmail's bounce messages ("failure notice" from qmail-send quoting qmail-remote and qmail-local) and of
 * qmail-smtpd's replies, built from the netqmail source with realistic hosts and addresses, and the verdict each one
 * means. The rule tables' own examples are not repeated here.
 */
final class QmailGolden {
    private QmailGolden() {
    }

    /** Line, outcome, category (null: the embedded reply decides), stage, origin, deciding rule id without prefix. */
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("<sales@example.net>:\n198.51.100.4 does not like recipient.\n"
                        + "Remote host said: 550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown\n"
                        + "Giving up on 198.51.100.4.",
                        FAILED, null, Stage.RCPT, LOCAL, "recipient-rejected"),
                Arguments.of("<sales@example.net>:\nConnected to 198.51.100.4 but sender was rejected.\n"
                        + "Remote host said: 451 4.1.8 <bounce@news.example.com>: Sender address rejected: Domain not found",
                        DEFERRED, null, Stage.MAIL, LOCAL, "sender-rejected"),
                Arguments.of("<sales@example.net>:\n198.51.100.4 failed after I sent the message.\n"
                        + "Remote host said: 552 5.3.4 Message size exceeds fixed limit",
                        FAILED, null, Stage.BODY, LOCAL, "rejected-after-message"),
                Arguments.of("<sales@example.net>:\nConnected to 198.51.100.4 but connection died. (#4.4.2)\n"
                        + "I'm not going to try again; this message has been in the queue too long.",
                        FAILED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "connection-died-queue-expired"),
                Arguments.of("<sales@example.net>:\n198.51.100.4 does not like recipient.\n"
                        + "Remote host said: 452 4.2.2 <sales@example.net>: Mailbox full\n"
                        + "I'm not going to try again; this message has been in the queue too long.",
                        FAILED, null, Stage.RCPT, LOCAL, "recipient-rejected-queue-expired"),
                Arguments.of("<sales@example.net>:\nUnable to chdir to maildir. (#4.2.1)\n"
                        + "I'm not going to try again; this message has been in the queue too long.",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "queue-too-long"),
                Arguments.of("Hi. This is the qmail-send program at mx.example.com.\n"
                        + "I'm afraid I wasn't able to deliver your message to the following addresses.\n"
                        + "This is a permanent error; I've given up. Sorry it didn't work out.\n\n"
                        + "<sales@example.net>:\nSorry, I wasn't able to establish an SMTP connection. (#4.4.1)\n\n"
                        + "--- Below this line is a copy of the message.",
                        FAILED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "failure-notice"),
                Arguments.of("<sales@exampel.net>:\nSorry, I couldn't find any host named exampel.net. (#5.1.2)",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "host-not-found"),
                Arguments.of("<sales@example.net>:\nSorry, I couldn't find any host by that name. (#4.1.2)",
                        DEFERRED, DNS_FAILURE, Stage.DNS, LOCAL, "host-lookup-failed-temporarily"),
                Arguments.of("<sales@example.net>:\nSorry, I wasn't able to establish an SMTP connection. (#4.4.1)",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "no-smtp-connection"),
                Arguments.of("<sales@example.net>:\nConnected to 2001:db8::4 but connection died. (#4.4.2)",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "connection-died"),
                Arguments.of("<sales@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)",
                        FAILED, INVALID_RECIPIENT, Stage.RCPT, LOCAL, "no-mailbox"),
                Arguments.of("<sales@example.net>:\nSorry, no mailbox here by that name. vpopmail (#5.1.1)",
                        FAILED, INVALID_RECIPIENT, Stage.RCPT, LOCAL, "no-mailbox"),
                Arguments.of("<sales@example.net>:\nThis message is looping: it already has my Delivered-To line. (#5.4.6)",
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "looping"),
                Arguments.of("<sales@example.net>:\nUnable to open /home/sales/.qmail-orders: access denied. (#4.3.0)",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "local-file-error"),
                Arguments.of("<sales@example.net>:\nUnable to switch to home directory. (#4.3.0)",
                        DEFERRED, LOCAL_POLICY, Stage.UNKNOWN, LOCAL, "sender-resources"),
                Arguments.of("<sales@example.net>:\ninvalid ipaddr in control/outgoingip (#4.3.0)",
                        DEFERRED, LOCAL_POLICY, Stage.UNKNOWN, LOCAL, "sender-resources"),
                Arguments.of("<sales@example.net>:\nqmail-spawn unable to open message. (#4.3.0)",
                        DEFERRED, LOCAL_POLICY, Stage.UNKNOWN, LOCAL, "spawn-trouble"),
                Arguments.of("<sales@example.net>:\nInternal error: messid too long. (#5.3.5)",
                        FAILED, LOCAL_POLICY, Stage.UNKNOWN, LOCAL, "spawn-trouble"),
                Arguments.of("<sales@example.net>:\nUnable to quota mail: access denied. (#4.3.0)",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "maildir-delivery-failed"),
                Arguments.of("<sales@example.net>:\nUh-oh: user has prog delivery but is not allowed to. (#4.7.0)",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "dot-qmail-problem"),
                Arguments.of("<sales@example.net>:\nSTARTTLS rejected while /var/qmail/control/tlshosts/example.net.pem"
                        + " exists; connected to 198.51.100.4.",
                        DEFERRED, TLS_FAILURE, Stage.TLS, LOCAL, "remote-tls-failed"),
                Arguments.of("<sales@example.net>:\nTLS unable to verify server with"
                        + " /var/qmail/control/tlshosts/example.net.pem: certificate has expired; connected to 198.51.100.4.",
                        DEFERRED, TLS_FAILURE, Stage.TLS, LOCAL, "remote-tls-failed"),
                Arguments.of("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
                        FAILED, RELAY_DENIED, Stage.RCPT, REMOTE, "not-in-rcpthosts"),
                Arguments.of("552 sorry, that message size exceeds my databytes limit (#5.3.4)",
                        FAILED, MESSAGE_TOO_LARGE, Stage.BODY, REMOTE, "databytes-exceeded"));
    }

    /** Other MTAs' texts the qmail plugin must leave to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown",
                "Deferred: Connection refused by mx.example.net.",
                "host mx.example.net[198.51.100.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command)");
    }
}
