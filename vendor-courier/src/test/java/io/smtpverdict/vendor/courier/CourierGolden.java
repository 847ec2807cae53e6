package io.smtpverdict.vendor.courier;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.INVALID_SENDER;
import static io.smtpverdict.spi.Category.MAILBOX_FULL;
import static io.smtpverdict.spi.Category.MESSAGE_TOO_LARGE;
import static io.smtpverdict.spi.Category.PROTOCOL_ERROR;
import static io.smtpverdict.spi.Category.TRANSIENT_OTHER;
import static io.smtpverdict.spi.Category.RELAY_DENIED;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TLS_FAILURE;
import static io.smtpverdict.spi.Origin.LOCAL;
import static io.smtpverdict.spi.Origin.REMOTE;
import static io.smtpverdict.spi.Origin.UNKNOWN;
import static io.smtpverdict.spi.Outcome.DEFERRED;
import static io.smtpverdict.spi.Outcome.FAILED;

import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Texts of Courier's delivery status notifications (the text part built by module.dsn from dsnfailed.txt and
 * dsndelayed.txt, and the Diagnostic-Code fields), of its esmtp and local delivery modules, of maildrop and of its
 * receiving server, built from the Courier source with realistic hosts and addresses, and the verdict each one
 * means. The rule table's own examples are not repeated here.
 */
final class CourierGolden {
    private CourierGolden() {
    }

    /** Text, outcome, category (null: the embedded reply decides), stage, origin, deciding rule id without prefix. */
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("UNDELIVERABLE MAIL\n\nYour message to the following recipients cannot be delivered:\n\n"
                        + "<sales@example.net>:\n    mx2.example.net [198.51.100.4]:\n"
                        + ">>> RCPT TO:<sales@example.net>\n"
                        + "<<< 550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown",
                        FAILED, null, Stage.RCPT, REMOTE, "failure-notice"),
                // the failure notice is final even when the last reply was a 4xx
                Arguments.of("UNDELIVERABLE MAIL\n\nYour message to the following recipients cannot be delivered:\n\n"
                        + "<sales@example.net>:\n    mx2.example.net [198.51.100.4]:\n"
                        + ">>> RCPT TO:<sales@example.net>\n"
                        + "<<< 452 4.2.2 <sales@example.net>: Mailbox full",
                        FAILED, null, Stage.RCPT, REMOTE, "failure-notice"),
                Arguments.of("The delivery of the following E-mail message has been delayed.\n\n"
                        + "<sales@example.net>:\n    mx2.example.net [198.51.100.4]:\n"
                        + ">>> RCPT TO:<sales@example.net>\n"
                        + "<<< 451 4.7.1 Please try again later",
                        DEFERRED, null, Stage.RCPT, REMOTE, "dsn-transcript"),
                Arguments.of("<sales@example.net>:\n    mx2.example.net [198.51.100.4]:\n>>> DATA\n"
                        + "<<< Connection unexpectedly closed by remote host.",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, UNKNOWN, "dsn-transcript"),
                Arguments.of("<ops@nowhere.example>:\n<<< No such domain.",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "no-such-domain.dsn-text"),
                Arguments.of("Diagnostic-Code: unknown; No such domain.",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "no-such-domain"),
                Arguments.of("<sales@example.net>:\n<<< Domain does not receive mail.",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "domain-does-not-receive-mail"),
                Arguments.of("DNS lookup failed.",
                        DEFERRED, DNS_FAILURE, Stage.DNS, LOCAL, "dns-lookup-failed"),
                Arguments.of("<sales@example.net>:\n<<< configuration error: mail loops back to myself (MX problem).",
                        FAILED, ROUTING_ERROR, Stage.DNS, LOCAL, "mail-loops-back-to-myself"),
                Arguments.of("<sales@example.net>:\n    mx.example.net [198.51.100.4]:\n"
                        + "<<< /SECURITY=REQUIRED set, but TLS is not available",
                        FAILED, TLS_FAILURE, Stage.TLS, LOCAL, "security-required-no-tls"),
                Arguments.of("Diagnostic-Code: unknown; Connection closed by remote host.",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "connection-closed"),
                Arguments.of("Diagnostic-Code: unknown; Compatible SASL authentication not available.",
                        FAILED, RELAY_DENIED, Stage.AUTH, LOCAL, "sasl-not-available"),
                Arguments.of("Maildir over quota.",
                        DEFERRED, MAILBOX_FULL, Stage.UNKNOWN, LOCAL, "local-maildir-over-quota"),
                Arguments.of("Diagnostic-Code: unknown; Mail loop - already have my Delivered-To: header.",
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "local-mail-loop"),
                Arguments.of("/usr/local/bin/maildrop: maildir over quota.",
                        DEFERRED, MAILBOX_FULL, Stage.UNKNOWN, LOCAL, "maildrop-over-quota"),
                Arguments.of("The following error occured when trying to forward this message: \n"
                        + "517 Sender rejected: bounce@news.example.com",
                        FAILED, INVALID_SENDER, Stage.MAIL, LOCAL, "forward-failed"),
                Arguments.of("513 Relaying denied.",
                        FAILED, RELAY_DENIED, Stage.RCPT, REMOTE, "relaying-denied"),
                Arguments.of("517-Domain does not exist: bounce@news.example.\n"
                        + "517 Invalid domain, see <URL:https://datatracker.ietf.org/doc/html/rfc1035>",
                        FAILED, INVALID_SENDER, Stage.MAIL, REMOTE, "sender-domain-does-not-exist"),
                Arguments.of("517 HELO relay.example.org does not match 203.0.113.9",
                        FAILED, PROTOCOL_ERROR, Stage.HELO, REMOTE, "helo-does-not-match"),
                Arguments.of("523 Message length (52428800 bytes) exceeds administrative limit(10485760).",
                        FAILED, MESSAGE_TOO_LARGE, Stage.BODY, REMOTE, "message-length-exceeds-limit"),
                Arguments.of("456 Address temporarily unavailable.",
                        DEFERRED, TRANSIENT_OTHER, Stage.RCPT, REMOTE, "address-temporarily-unavailable"),
                Arguments.of("556 Address unavailable.",
                        FAILED, INVALID_RECIPIENT, Stage.RCPT, REMOTE, "address-unavailable"));
    }

    /** Other MTAs' texts the Courier plugin must leave to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown",
                "Sorry, I couldn't find any host named exampel.net. (#5.1.2)",
                "host mx.example.net[198.51.100.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
                "SMTP error from remote mail server after RCPT TO:<sales@example.net>: 550 5.1.1 User unknown",
                "550 5.1.1 user unknown",
                "550 5.1.2 No such domain.",
                "450 4.2.2 Maildir over quota.",
                "451 4.4.0 DNS lookup failed.");
    }
}
