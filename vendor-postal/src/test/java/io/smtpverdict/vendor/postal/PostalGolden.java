package io.smtpverdict.vendor.postal;

import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.LOCAL_POLICY;
import static io.smtpverdict.spi.Category.MESSAGE_EXPIRED;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.PROTOCOL_ERROR;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.SPAM_CONTENT;
import static io.smtpverdict.spi.Category.SUPPRESSED;
import static io.smtpverdict.spi.Category.TRANSIENT_OTHER;
import static io.smtpverdict.spi.Category.UNCLASSIFIED;
import static io.smtpverdict.spi.Origin.LOCAL;
import static io.smtpverdict.spi.Origin.REMOTE;
import static io.smtpverdict.spi.Outcome.DEFERRED;
import static io.smtpverdict.spi.Outcome.DELIVERED;
import static io.smtpverdict.spi.Outcome.FAILED;

import io.smtpverdict.spi.Stage;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Delivery details Postal writes itself (app/senders/smtp_sender.rb, app/lib/message_dequeuer/*.rb) and replies its
 * SMTP server sends (app/lib/smtp_server/client.rb), built from the strings of Postal's source with other hosts,
 * addresses and numbers than the rule table's own examples, and the verdict each one means.
 */
final class PostalGolden {
    private PostalGolden() {
    }

    /**
     * Text, outcome, category (null: the embedded reply decides and this plugin alone does not know it), stage,
     * origin, deciding rule id without prefix.
     */
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("No SMTP servers were available for shop.example. No hosts to try.",
                        DEFERRED, ROUTING_ERROR, Stage.DNS, LOCAL, "no-hosts-to-try"),
                Arguments.of("No SMTP servers were available for shop.example. Tried mx-a.shop.example, mx-b.shop.example,"
                        + " and mx-c.shop.example.",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "no-smtp-servers-tried"),
                Arguments.of("Temporary SMTP delivery error when sending to 203.0.113.40:25 (in1.shop.example)",
                        DEFERRED, TRANSIENT_OTHER, Stage.UNKNOWN, LOCAL, "temporary-smtp-error"),
                Arguments.of("Temporary SMTP delivery error when sending to 203.0.113.40:25 (in1.shop.example)\n"
                        + "452 4.2.2 The email account that you tried to reach is over quota.",
                        DEFERRED, null, Stage.UNKNOWN, LOCAL, "temporary-smtp-error-reply"),
                Arguments.of("Permanent SMTP delivery error when sending to 203.0.113.41:25 (in2.shop.example)",
                        FAILED, UNCLASSIFIED, Stage.UNKNOWN, LOCAL, "permanent-smtp-error"),
                Arguments.of("Permanent SMTP delivery error when sending to 203.0.113.41:25 (in2.shop.example)\n"
                        + "550 5.7.1 Message rejected by policy",
                        FAILED, null, Stage.UNKNOWN, LOCAL, "permanent-smtp-error-reply"),
                Arguments.of("An error occurred while sending the message to 203.0.113.42:2525 (relay.shop.example)",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "error-while-sending"),
                Arguments.of("Message for buyer@shop.example accepted by 203.0.113.40:25 (in1.shop.example)",
                        DELIVERED, null, Stage.UNKNOWN, LOCAL, "accepted"),
                Arguments.of("Recipient (buyer@shop.example) is on the suppression list (reason: too many soft fails)",
                        FAILED, SUPPRESSED, Stage.QUEUE, LOCAL, "recipient-suppressed"),
                Arguments.of("Message is likely spam. Threshold is 3.5 and the message scored 12.1.",
                        FAILED, SPAM_CONTENT, Stage.QUEUE, LOCAL, "outbound-spam"),
                Arguments.of("Message held because send limit (250) has been reached.",
                        DEFERRED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "send-limit-held"),
                Arguments.of("Maximum number of delivery attempts (5) has been reached. Added buyer@shop.example to"
                        + " suppression list because delivery has failed 5 times.",
                        FAILED, MESSAGE_EXPIRED, Stage.QUEUE, LOCAL, "max-attempts"),
                Arguments.of("Message's domain no longer exist",
                        FAILED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "domain-no-longer-exists"),
                Arguments.of("Mail server has been suspended. No e-mails can be processed at present. Contact support for"
                        + " assistance.",
                        DEFERRED, LOCAL_POLICY, Stage.QUEUE, LOCAL, "server-suspended-held"),
                Arguments.of("535 Mail server has been suspended",
                        FAILED, LOCAL_POLICY, Stage.RCPT, REMOTE, "server-suspended-reply"),
                Arguments.of("Message's spam score is higher than the failure threshold for this server. Threshold is"
                        + " currently 15.0.",
                        FAILED, SPAM_CONTENT, Stage.QUEUE, LOCAL, "incoming-spam-threshold"),
                Arguments.of("Message has been bounced because the route asks for this. See message <msg:98>",
                        FAILED, INVALID_RECIPIENT, Stage.QUEUE, LOCAL, "route-bounce-mode"),
                Arguments.of("Message does not have a route and/or endpoint available for delivery.",
                        FAILED, ROUTING_ERROR, Stage.QUEUE, LOCAL, "no-route-for-incoming"),
                Arguments.of("550 Invalid route token",
                        FAILED, INVALID_RECIPIENT, Stage.RCPT, REMOTE, "invalid-route-token"),
                Arguments.of("503 HELO/EHLO, MAIL FROM and RCPT TO before sending data",
                        DEFERRED, PROTOCOL_ERROR, Stage.DATA, REMOTE, "data-before-rcpt"));
    }

    /** Other MTAs' texts, and common words, the Postal plugin must leave to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <buyer@shop.example>: Recipient address rejected: User unknown",
                "Sorry, I couldn't find any host named shop.example. (#5.1.2)",
                "host in1.shop.example[203.0.113.40] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command)",
                "550 5.7.1 Your mail server has been suspended for sending spam",
                "Server is in development mode and will restart shortly: 421 4.3.2 try later",
                "421 4.4.2 Connection timeout while reading reply",
                "An error occurred while sending the message to the server.");
    }
}
