package io.smtpverdict.vendor.opensmtpd;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.DNS_FAILURE;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.MESSAGE_EXPIRED;
import static io.smtpverdict.spi.Category.MESSAGE_TOO_LARGE;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.REMOTE_SERVER_ERROR;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TLS_FAILURE;
import static io.smtpverdict.spi.Category.TOO_MANY_RECIPIENTS;
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
 * Texts of OpenSMTPD's failure and delay notices (bounce.c), of its mta, queue and mda errors and of the replies its
 * smtpd writes, built from the OpenSMTPD source with realistic hosts and addresses, and the verdict each one means.
 * The rule table's own examples are not repeated here.
 */
final class OpenSmtpdGolden {
    private OpenSmtpdGolden() {
    }

    /**
     * Text, outcome, category (null: the embedded reply decides), stage, origin, deciding rule id without prefix. A
     * notice takes outcome from its own kind and category from the error it quotes, but states no stage or origin.
     */
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("    Hi!\n\n    This is the MAILER-DAEMON, please DO NOT REPLY to this email.\n\n"
                        + "    An error has occurred while attempting to deliver a message for\n"
                        + "    the following list of recipients:\n\n"
                        + "sales@example.net: Network error on destination MXs\n\n"
                        + "    Below is a copy of the original message:\n",
                        FAILED, NO_ANSWER_FROM_HOST, Stage.CONNECT, UNKNOWN, "failure-notice"),
                Arguments.of("An error has occurred while attempting to deliver a message for\n"
                        + "the following list of recipients:\n\n"
                        + "sales@example.net: Domain does not accept mail\n\n"
                        + "Below is a copy of the original message:",
                        FAILED, BAD_DOMAIN, Stage.DNS, UNKNOWN, "failure-notice"),
                Arguments.of("    A message is delayed for more than 1 day for the following\n"
                        + "    list of recipients:\n\n"
                        + "sales@example.net: No MX found for domain\n\n"
                        + "    Please note that this is only a temporary failure report.\n"
                        + "    The message is kept in the queue for up to 4 days.\n",
                        DEFERRED, DNS_FAILURE, Stage.DNS, UNKNOWN, "delay-notice"),
                Arguments.of("sales@example.net: Envelope expired",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "envelope-expired"),
                Arguments.of("Domain does not exist",
                        FAILED, BAD_DOMAIN, Stage.DNS, LOCAL, "domain-does-not-exist"),
                Arguments.of("Loop detected",
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "loop-detected"),
                Arguments.of("Error (temporary failure: mail.maildir: Read-only file system)",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "mda-sysexit-tempfail"),
                Arguments.of("Error (temporary failure: Quota exceeded (mailbox for user is full))",
                        DEFERRED, null, Stage.UNKNOWN, LOCAL, "mda-sysexit-tempfail"),
                Arguments.of("Error (system resource problem: fork: Resource temporarily unavailable)",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "mda-sysexit-oserr"),
                Arguments.of("Error (terminated; signal 15)",
                        DEFERRED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, LOCAL, "mda-signal"),
                Arguments.of("Connection closed unexpectedly",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "connection-closed-unexpectedly"),
                Arguments.of("TLS required but not supported by remote host",
                        DEFERRED, TLS_FAILURE, Stage.TLS, LOCAL, "tls-required-not-supported"),
                Arguments.of("550 Invalid recipient: <info@shop.example>",
                        FAILED, INVALID_RECIPIENT, Stage.RCPT, REMOTE, "invalid-recipient"),
                Arguments.of("554 5.3.4 Message too big for system: Transaction failed, message too big",
                        FAILED, MESSAGE_TOO_LARGE, Stage.BODY, REMOTE, "message-too-big"),
                Arguments.of("451 4.5.3 Too many recipients: Too many recipients",
                        DEFERRED, TOO_MANY_RECIPIENTS, Stage.RCPT, REMOTE, "too-many-recipients"));
    }

    /** Other MTAs' texts the OpenSMTPD plugin must leave to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown",
                "Sorry, I couldn't find any host named exampel.net. (#5.1.2)",
                "host mx.example.net[198.51.100.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
                "550 5.1.2 Host not found",
                "Domain does not exist: example.invalid is unknown to the resolver",
                "421 4.4.2 Connection timeout while reading reply");
    }
}
