package io.smtpverdict.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.vendor.generic.GenericPlugin;
import io.smtpverdict.vendor.postfix.PostfixPlugin;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lines as Postfix writes them in its logs and bounces (from the format strings of its source), classified by the
 * Postfix plugin together with the generic plugin: Postfix's wrapper gives the stage, the remote reply inside it the
 * category, and Postfix's own texts beat the generic phrases they contain.
 */
final class PostfixGoldenTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder()
            .plugin(new PostfixPlugin())
            .plugin(new GenericPlugin())
            .build();

    static Stream<Arguments> wrappedReplies() {
        return Stream.of(
                Arguments.of("host mx.example.com[192.0.2.10] said: 550 5.1.1 <jane@example.com>: Recipient address"
                        + " rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.RCPT),
                Arguments.of("<jane@example.com>: host mail.example.net[198.51.100.25] said: 552 5.2.2 <jane@example.net>:"
                        + " Recipient address rejected: Mailbox full (in reply to RCPT TO\n    command)",
                        Outcome.FAILED, Category.MAILBOX_FULL, Stage.RCPT),
                Arguments.of("host mx.example.org[203.0.113.5] said: 450 4.2.0 <jane@example.org>: Recipient address"
                        + " rejected: Greylisted, see https://postgrey.example.org/help/example.org.html (in reply to RCPT TO command)",
                        Outcome.DEFERRED, Category.GREYLISTED, Stage.RCPT),
                Arguments.of("host mx.example.com[192.0.2.10] said: 554 5.7.1 Service unavailable; Client host"
                        + " [203.0.113.9] blocked using zen.spamhaus.org (in reply to RCPT TO command)",
                        Outcome.FAILED, Category.REPUTATION_BLOCK, Stage.RCPT),
                Arguments.of("host mx.example.com[192.0.2.10] said: 552 5.3.4 Message size exceeds fixed limit"
                        + " (in reply to end of DATA command)",
                        Outcome.FAILED, Category.MESSAGE_TOO_LARGE, Stage.BODY),
                Arguments.of("4B3F21C0A2: to=<jane@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1.4,"
                        + " delays=0.02/0/0.6/0.8, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.10] said:"
                        + " 550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown in local recipient"
                        + " table (in reply to RCPT TO command))",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.RCPT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappedReplies")
    void classify_hostSaid_takesCategoryFromTheReplyAndStageFromTheCommand(String line, Outcome outcome,
            Category category, Stage stage) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains("postfix.host-said");
        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.category()).contains(category);
        assertThat(v.stage()).isEqualTo(stage);
        assertThat(v.origin()).isEqualTo(Origin.REMOTE);
        assertThat(v.inner()).hasValueSatisfying(inner -> {
            assertThat(inner.category()).contains(category);
            assertThat(inner.rule()).map(RuleRef::plugin).contains("generic");
        });
    }

    @Test
    void classify_userUnknownInsideHostSaid_suppressesTheRecipientOnTheGenericRule() {
        Verdict v = ENGINE.classify("host mx.example.com[192.0.2.10] said: 550 5.1.1 <jane@example.com>: Recipient"
                + " address rejected: User unknown (in reply to RCPT TO command)");

        assertThat(v.advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
        assertThat(v.code()).hasValue(550);
        assertThat(v.inner()).flatMap(Verdict::rule).map(RuleRef::id).contains("generic.phrase.user-unknown");
        assertThat(v.bindings()).containsEntry("HOSTNAME", "mx.example.com").containsEntry("IP", "192.0.2.10");
    }

    static Stream<Arguments> ownTexts() {
        return Stream.of(
                Arguments.of("connect to mx.example.com[192.0.2.10]:25: Connection refused",
                        "postfix.connect-failed", Outcome.DEFERRED, Category.NO_ANSWER_FROM_HOST, Stage.CONNECT),
                Arguments.of("Host or domain name not found. Name service error for name=example.com type=MX:"
                        + " Host not found, try again",
                        "postfix.dns.try-again", Outcome.DEFERRED, Category.DNS_FAILURE, Stage.DNS),
                Arguments.of("Host or domain name not found. Name service error for name=example.com type=A:"
                        + " Host not found",
                        "postfix.dns.host-not-found", Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS),
                Arguments.of("conversation with mx.example.com[192.0.2.10] timed out while sending end of data --"
                        + " message may be sent more than once",
                        "postfix.timeout.end-of-data", Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.BODY),
                Arguments.of("cannot update mailbox /var/mail/jane for user jane. error writing message: Disk quota exceeded",
                        "postfix.mailbox-quota", Outcome.FAILED, Category.MAILBOX_FULL, Stage.UNKNOWN),
                Arguments.of("mail forwarding loop for jane@example.com",
                        "postfix.forwarding-loop", Outcome.FAILED, Category.ROUTING_ERROR, Stage.UNKNOWN),
                Arguments.of("Your message could not be delivered for more than 4 hour(s).",
                        "postfix.delay-warning", Outcome.DEFERRED, Category.TRANSIENT_OTHER, Stage.QUEUE),
                Arguments.of("Diagnostic-Code: X-Postfix; Domain example.org does not accept mail (nullMX)",
                        "postfix.dns.null-mx", Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS),
                // a Diagnostic-Code's value as a log or event carries it: its type, but no field name
                Arguments.of("x-unix; host name unknown",
                        "postfix.sysexits-nohost", Outcome.FAILED, Category.BAD_DOMAIN, Stage.UNKNOWN),
                Arguments.of("X-Postfix; bad address syntax",
                        "postfix.bad-address-syntax-qmgr", Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownTexts")
    void classify_postfixsOwnText_beatsTheGenericPhrasesInIt(String line, String ruleId, Outcome outcome,
            Category category, Stage stage) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains(ruleId);
        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.category()).contains(category);
        assertThat(v.stage()).isEqualTo(stage);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
    }

    @Test
    void classify_timeoutAfterEndOfData_isFlaggedAsPossibleDuplicate() {
        Verdict v = ENGINE.classify("status=deferred (conversation with mx.example.com[192.0.2.10] timed out while"
                + " sending end of data -- message may be sent more than once)");

        assertThat(v.flags()).contains(Flag.POSSIBLE_DUPLICATE);
    }

    @Test
    void classify_receivingPostfixsFailedRecipientProbe_isTheRecipientsProblemAtRcpt() {
        Verdict v = ENGINE.classify("550 5.1.1 <jane@example.com>: Recipient address rejected: undeliverable address:"
                + " host mx2.example.com[192.0.2.20] said: 550 5.1.1 <jane@example.com>: User unknown in local recipient"
                + " table (in reply to RCPT TO command)");

        assertThat(v.rule()).map(RuleRef::id).contains("postfix.smtpd.recipient-undeliverable");
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.stage()).isEqualTo(Stage.RCPT);
        assertThat(v.origin()).isEqualTo(Origin.REMOTE);
    }

    @Test
    void classify_receivingPostfixsFailedSenderProbe_isTheSendersProblemWhateverTheProbeSaid() {
        Verdict v = ENGINE.classify("550 5.1.7 <news@example.org>: Sender address rejected: undeliverable address:"
                + " host mx.example.org[203.0.113.5] said: 550 5.1.1 <news@example.org>: User unknown (in reply to RCPT"
                + " TO command)");

        assertThat(v.category()).contains(Category.INVALID_SENDER);
        assertThat(v.advice()).isEqualTo(Advice.FIX_CONFIGURATION);
    }

    @Test
    void classify_receivingPostfixsOwnCodeAroundAFailedProbe_isDeferredWithTheProbesCategory() {
        // reject_unverified_recipient answers with unverified_recipient_reject_code (450 by default) around the
        // probe's quoted 550: the sending MTA acts on the 450
        Verdict v = ENGINE.classify("450 4.1.1 <jane@example.com>: Recipient address rejected: undeliverable address:"
                + " host mx2.example.com[192.0.2.20] said: 550 5.1.1 <jane@example.com>: User unknown in local"
                + " recipient table (in reply to RCPT TO command)");

        assertThat(v.code()).hasValue(450);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
    }

    @Test
    void classify_bareRemoteReply_isLeftToTheGenericRules() {
        Verdict v = ENGINE.classify("Diagnostic-Code: smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected:"
                + " User unknown in virtual mailbox table");

        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.rule()).map(RuleRef::plugin).isNotEqualTo(Optional.of("postfix"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"delivered to command: /usr/bin/procmail", "delivered to file: /home/jane/mail/archive"})
    void classify_localDeliveryRecord_isDelivered(String text) {
        assertThat(ENGINE.classify(text).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Delivery failed for message with subject \"Invoice 42\". Message could not be delivered to recipient(s):"
                + " user@example.com",
        // Postfix writes "delivered to command:" and "delivered to file:"; another word before the colon is not its
        "Not yet delivered to gail@example.org: the destination is throttling our server because of the volume we"
                + " are sending."})
    void classify_otherSoftwaresDeliveryWords_isNoPostfixDeliveryRecord(String text) {
        Verdict v = ENGINE.classify(text);

        assertThat(v.outcome()).isNotEqualTo(Outcome.DELIVERED);
        assertThat(v.rule()).map(RuleRef::plugin).isNotEqualTo(Optional.of("postfix"));
    }
}
