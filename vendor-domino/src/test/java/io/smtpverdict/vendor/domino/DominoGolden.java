package io.smtpverdict.vendor.domino;

import static io.smtpverdict.spi.Category.BAD_DOMAIN;
import static io.smtpverdict.spi.Category.CONNECTION_LOST;
import static io.smtpverdict.spi.Category.INVALID_RECIPIENT;
import static io.smtpverdict.spi.Category.MAILBOX_FULL;
import static io.smtpverdict.spi.Category.NO_ANSWER_FROM_HOST;
import static io.smtpverdict.spi.Category.POLICY_BLOCK;
import static io.smtpverdict.spi.Category.REMOTE_SERVER_ERROR;
import static io.smtpverdict.spi.Category.ROUTING_ERROR;
import static io.smtpverdict.spi.Category.TRANSIENT_OTHER;
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
 * Texts of Domino's Delivery Failure Reports, of its Router's reasons (the error texts of the Notes/Domino C API's
 * routeerr.h, oserr.h, nsferr.h and neterr.h) and of the replies its SMTP task writes, built from those sources with
 * realistic names and addresses, and the verdict each one means. The rule table's own examples are not repeated here.
 */
final class DominoGolden {
    private DominoGolden() {
    }

    /**
     * Text, outcome, category (null: the embedded reply decides and this plugin alone does not know it), stage,
     * origin, deciding rule id without prefix. A report takes its outcome from its own kind and its category from the
     * reason it quotes, but states no stage or origin: the origin is the remote server's when the reason carries a
     * reply code, else unknown.
     */
    static Stream<Arguments> lines() {
        return Stream.of(
                Arguments.of("Delivery Failure Report\n\nYour document:\tBudget 2027\nwas not delivered to:\t"
                        + "carla.mendes@example.com\nbecause:\tUser Carla Mendes/Support/Example not listed in Domino"
                        + " Directory",
                        FAILED, INVALID_RECIPIENT, Stage.UNKNOWN, UNKNOWN, "delivery-failure-report"),
                Arguments.of("Your document: Minutes\nwas not delivered to: Bo Berg/Finance/Acme\nbecause: Error"
                        + " delivering to Bo Berg/Finance/Acme mail\\bberg.nsf; File does not exist",
                        FAILED, REMOTE_SERVER_ERROR, Stage.UNKNOWN, UNKNOWN, "delivery-failure-report"),
                Arguments.of("Your document: Offer\nwas not delivered to: sales@example.invalid\nbecause: No route found"
                        + " to domain example.invalid from server Smtp01/Acme.  Check DNS configuration.",
                        FAILED, BAD_DOMAIN, Stage.DNS, UNKNOWN, "delivery-failure-report"),
                Arguments.of("Your document: Newsletter\nwas not delivered to: max@example.org\nbecause: Router: Database"
                        + " disk quota exceeded",
                        FAILED, MAILBOX_FULL, Stage.UNKNOWN, UNKNOWN, "delivery-failure-report"),
                Arguments.of("Your document: Report\nwas not delivered to: info@example.net\nbecause: SMTP Protocol"
                        + " Returned a Permanent Error 554 Transaction failed",
                        FAILED, null, Stage.UNKNOWN, REMOTE, "delivery-failure-report"),
                Arguments.of("User Carla Mendes/Support/Example not listed in Domino Directory",
                        FAILED, INVALID_RECIPIENT, Stage.UNKNOWN, LOCAL, "user-not-listed"),
                Arguments.of("Error transferring to Hub02/Acme; Remote system no longer responding",
                        DEFERRED, CONNECTION_LOST, Stage.UNKNOWN, LOCAL, "transfer-error"),
                Arguments.of("Router: Failed to connect to SMTP host mail.example.com because Remote system not"
                        + " responding",
                        DEFERRED, NO_ANSWER_FROM_HOST, Stage.CONNECT, LOCAL, "smtp-connect-failed"),
                Arguments.of("No route found to server Mail03/West/Acme from server Hub/Acme.  Check Server and"
                        + " Connection documents in the Domino Directory.",
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "no-route-to-server"),
                Arguments.of("Maximum hop count exceeded. Message probably in a routing loop.",
                        FAILED, ROUTING_ERROR, Stage.UNKNOWN, LOCAL, "routing-loop"),
                Arguments.of("SMTP Protocol Returned a Transient Error 421 4.4.2 Connection timed out",
                        DEFERRED, null, Stage.UNKNOWN, REMOTE, "smtp-transient-error"),
                Arguments.of("550 Mail from <bulk@example.info> rejected for policy reasons",
                        FAILED, POLICY_BLOCK, Stage.MAIL, REMOTE, "smtp-sender-rejected-for-policy"),
                // The texts IBM technote 1212690, the HCL admin help on SMTPErrorLimit and the IBM support page on
                // server mail rules quote, as they quote them.
                Arguments.of("554 Mail from <joe.smith@example.com> rejected for policy reasons.",
                        FAILED, POLICY_BLOCK, Stage.MAIL, REMOTE, "smtp-sender-rejected-for-policy-reason"),
                Arguments.of("421 SMTP service not available, closing transmission channel.",
                        DEFERRED, TRANSIENT_OTHER, Stage.UNKNOWN, REMOTE, "smtp-error-limit"),
                Arguments.of("Message rejected for policy reasons",
                        FAILED, POLICY_BLOCK, Stage.UNKNOWN, LOCAL, "message-rejected-for-policy"));
    }

    /** Other MTAs' texts the Domino plugin must leave to others. */
    static List<String> notOurs() {
        return List.of(
                "550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown",
                "host mx.example.net[198.51.100.4] said: 550 5.1.1 User unknown (in reply to RCPT TO command)",
                "554 5.7.1 <ana@example.com>: Relay access denied",
                "554 5.7.1 Message rejected for policy reasons",
                "421 4.3.2 Service not available, closing transmission channel",
                "550 5.7.1 Message rejected by rule",
                "421 4.4.2 Connection timeout while reading reply",
                "452 4.5.3 Error: too many recipients",
                "Sorry, I couldn't find any host named exampel.net. (#5.1.2)");
    }
}
