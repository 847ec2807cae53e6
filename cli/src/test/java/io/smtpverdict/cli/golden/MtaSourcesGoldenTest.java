package io.smtpverdict.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.vendor.exchange.ExchangePlugin;
import io.smtpverdict.vendor.generic.GenericPlugin;
import io.smtpverdict.vendor.qmail.QmailPlugin;
import io.smtpverdict.vendor.sendmail.SendmailPlugin;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lines built from Sendmail's and netqmail's source and from Microsoft's Exchange NDR pages, classified by those
 * plugins together with the generic plugin, as the CLI's default set does: the MTA's own text decides, and where it
 * quotes a remote reply the generic plugin's reading of that reply gives the category.
 */
final class MtaSourcesGoldenTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder()
            .plugin(new GenericPlugin())
            .plugin(new SendmailPlugin())
            .plugin(new ExchangePlugin())
            .plugin(new QmailPlugin())
            .build();

    static Stream<Arguments> lines() {
        return Stream.of(
                // Sendmail: its own texts
                Arguments.of("<sales@example.net>... Deferred: Connection refused by mx.example.net.",
                        Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT, Origin.LOCAL,
                        "sendmail.deferred-connection-refused"),
                Arguments.of("550 5.1.2 <sales@exampel.net>... Host unknown (Name server: exampel.net: host not found)",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, Origin.LOCAL, "sendmail.host-unknown"),
                Arguments.of("Deferred: Name server: example.net.: host name lookup failure",
                        Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS, Origin.LOCAL, "sendmail.dns-lookup-failure"),
                Arguments.of("<sales@example.net>... Deferred: Connection refused by mx.example.net.\n"
                        + "Message could not be delivered for 5 days\nMessage will be deleted from queue",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE, Origin.LOCAL,
                        "sendmail.queue-expired-transcript"),
                Arguments.of("Warning: could not send message for past 4 hours",
                        Outcome.DEFERRED, Category.TRANSIENT_OTHER, Stage.QUEUE, Origin.LOCAL, "sendmail.delay-warning"),
                // Sendmail: the transcript quotes the remote reply, which the generic plugin reads
                Arguments.of("... while talking to mx.example.net.:\n>>> RCPT To:<sales@example.net>\n"
                        + "<<< 550 5.1.1 <sales@example.net>... User unknown\n550 5.1.1 <sales@example.net>... User unknown",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.RCPT, Origin.LOCAL, "sendmail.transcript-rcpt"),
                Arguments.of("... while talking to mx.example.net.:\n>>> RCPT To:<sales@example.net>\n"
                        + "<<< 452 4.2.2 <sales@example.net>... Mailbox full",
                        Outcome.DEFERRED, Category.MAILBOX_FULL, Stage.RCPT, Origin.LOCAL, "sendmail.transcript-rcpt"),
                // Sendmail as the receiving server
                Arguments.of("550 5.7.1 Rejected: 203.0.113.9 listed at zen.spamhaus.org",
                        Outcome.FAILED, Category.REPUTATION_BLOCK, Stage.UNKNOWN, Origin.REMOTE, "sendmail.rbl-rejected"),
                Arguments.of("550 5.7.1 <sales@example.net>... Relaying denied. IP name possibly forged [203.0.113.9]",
                        Outcome.FAILED, Category.RELAY_DENIED, Stage.UNKNOWN, Origin.REMOTE,
                        "sendmail.relaying-denied-reverse-dns"),
                // Exchange: its wrappers quote the remote reply
                Arguments.of("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.UNKNOWN, Origin.LOCAL,
                        "exchange.remote-server-returned"),
                Arguments.of("mail.contoso.example #<mail.contoso.example #5.7.1 smtp;550 5.7.1 Service unavailable;"
                        + " Client host [198.51.100.4] blocked using zen.spamhaus.org> #SMTP#",
                        Outcome.FAILED, Category.REPUTATION_BLOCK, Stage.UNKNOWN, Origin.LOCAL,
                        "exchange.diagnostic-smtp-wrapper"),
                // Exchange: its own status texts
                Arguments.of("550 4.4.7 QUEUE.Expired; message expired",
                        Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE, Origin.LOCAL, "exchange.queue-expired"),
                Arguments.of("550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, Origin.LOCAL, "exchange.nonexistent-domain"),
                Arguments.of("550 5.7.12 Sender was not authenticated by organization",
                        Outcome.FAILED, Category.POLICY_BLOCK, Stage.UNKNOWN, Origin.REMOTE,
                        "exchange.sender-not-authenticated"),
                Arguments.of("550 5.4.1 Relay Access Denied",
                        Outcome.FAILED, Category.ROUTING_ERROR, Stage.UNKNOWN, Origin.REMOTE,
                        "exchange.relay-access-denied-541"),
                // qmail: qmail-send's bounce quoting qmail-remote and qmail-local
                Arguments.of("<sales@example.net>:\n198.51.100.4 does not like recipient.\n"
                        + "Remote host said: 550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown\n"
                        + "Giving up on 198.51.100.4.",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.RCPT, Origin.LOCAL, "qmail.recipient-rejected"),
                Arguments.of("<sales@exampel.net>:\nSorry, I couldn't find any host named exampel.net. (#5.1.2)",
                        Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS, Origin.LOCAL, "qmail.host-not-found"),
                Arguments.of("<sales@example.net>:\nSorry, no mailbox here by that name. (#5.1.1)",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.RCPT, Origin.LOCAL, "qmail.no-mailbox"),
                Arguments.of("<sales@example.net>:\nConnected to 198.51.100.4 but connection died. (#4.4.2)\n"
                        + "I'm not going to try again; this message has been in the queue too long.",
                        Outcome.FAILED, Category.CONNECTION_LOST, Stage.UNKNOWN, Origin.LOCAL,
                        "qmail.connection-died-queue-expired"),
                Arguments.of("<sales@example.net>:\n198.51.100.4 does not like recipient.\n"
                        + "Remote host said: 452 4.2.2 <sales@example.net>: Mailbox full\n"
                        + "I'm not going to try again; this message has been in the queue too long.",
                        Outcome.FAILED, Category.MAILBOX_FULL, Stage.RCPT, Origin.LOCAL,
                        "qmail.recipient-rejected-queue-expired"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lines")
    void classify_mtaLineWithGeneric_isDecidedByTheMtaWithTheRightMeaning(String line, Outcome outcome,
            Category category, Stage stage, Origin origin, String ruleId) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains(ruleId);
        assertThat(v.outcome()).as("outcome").isEqualTo(outcome);
        assertThat(v.category()).as("category").contains(category);
        assertThat(v.stage()).as("stage").isEqualTo(stage);
        assertThat(v.origin()).as("origin").isEqualTo(origin);
    }

    static Stream<String> plainReplies() {
        return Stream.of(
                "550 5.1.1 <sales@example.net>: Recipient address rejected: User unknown in local recipient table",
                "452 4.2.2 The email account that you tried to reach is over quota.",
                "554 5.7.1 Service unavailable; Client host [198.51.100.4] blocked using zen.spamhaus.org");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plainReplies")
    void classify_plainRemoteReply_staysWithTheGenericPlugin(String line) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::plugin).contains("generic");
    }
}
