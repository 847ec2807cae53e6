package io.smtpverdict.cli.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.vendor.exim.EximPlugin;
import io.smtpverdict.vendor.generic.GenericPlugin;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lines as Exim writes them in its logs and bounces (from the format strings of its source), classified by the Exim
 * plugin together with the generic plugin: Exim's wrapper gives the stage, the remote reply inside it the category,
 * and Exim's own texts beat the generic phrases they contain.
 */
final class EximGoldenTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder()
            .plugin(new EximPlugin())
            .plugin(new GenericPlugin())
            .build();

    static Stream<Arguments> wrappedReplies() {
        return Stream.of(
                Arguments.of("SMTP error from remote mail server after RCPT TO:<jane@example.com>: 550 5.1.1"
                        + " <jane@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.RCPT),
                Arguments.of("  jane@example.com\n    host mx.example.com [192.0.2.10]\n    SMTP error from remote mail"
                        + " server after RCPT TO:<jane@example.com>:\n    550 5.1.1 <jane@example.com>: Recipient address"
                        + " rejected: User unknown",
                        Outcome.FAILED, Category.INVALID_RECIPIENT, Stage.RCPT),
                Arguments.of("SMTP error from remote mail server after end of data: 552 5.3.4 Message size exceeds fixed limit",
                        Outcome.FAILED, Category.MESSAGE_TOO_LARGE, Stage.BODY),
                Arguments.of("SMTP error from remote mail server after MAIL FROM:<news@example.org> SIZE=48213:"
                        + " 553 5.7.1 <news@example.org>: Sender address rejected: not owned by user news@example.org",
                        Outcome.FAILED, Category.INVALID_SENDER, Stage.MAIL),
                Arguments.of("SMTP error from remote mail server after pipelined RCPT TO:<bob@example.net>:"
                        + " 450 4.2.0 <bob@example.net>: Recipient address rejected: Greylisted",
                        Outcome.DEFERRED, Category.GREYLISTED, Stage.RCPT),
                Arguments.of("2026-11-29 10:15:02 1tGx4e-000ABC-2F ** jane@example.com R=dnslookup T=remote_smtp"
                        + " H=mx.example.com [192.0.2.10]: SMTP error from remote mail server after RCPT TO:<jane@example.com>:"
                        + " 550 5.2.1 <jane@example.com>: mailbox is disabled",
                        Outcome.FAILED, Category.MAILBOX_INACTIVE, Stage.RCPT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrappedReplies")
    void classify_smtpError_takesCategoryFromTheReplyAndStageFromTheCommand(String line, Outcome outcome,
            Category category, Stage stage) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains("exim.smtp-error");
        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.category()).contains(category);
        assertThat(v.stage()).isEqualTo(stage);
        assertThat(v.origin()).isEqualTo(Origin.REMOTE);
        assertThat(v.inner()).hasValueSatisfying(inner -> {
            assertThat(inner.category()).contains(category);
            assertThat(inner.rule()).map(RuleRef::plugin).contains("generic");
        });
    }

    static Stream<Arguments> ownTexts() {
        return Stream.of(
                Arguments.of("retry timeout exceeded",
                        "exim.retry-timeout", Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE),
                Arguments.of("retry time not reached for any host for 'example.net'",
                        "exim.retry-time-not-reached", Outcome.DEFERRED, Category.TRANSIENT_OTHER, Stage.QUEUE),
                Arguments.of("all hosts for 'example.net' have been failing for a long time (and retry time not reached)",
                        "exim.hosts-failing-long", Outcome.FAILED, Category.MESSAGE_EXPIRED, Stage.QUEUE),
                Arguments.of("Unrouteable address",
                        "exim.unrouteable", Outcome.FAILED, Category.BAD_DOMAIN, Stage.DNS),
                Arguments.of("all relevant MX records point to non-existent hosts",
                        "exim.mx-non-existent-hosts", Outcome.FAILED, Category.ROUTING_ERROR, Stage.DNS),
                Arguments.of("Remote host closed connection in response to end of data",
                        "exim.closed.end-of-data", Outcome.DEFERRED, Category.CONNECTION_LOST, Stage.BODY),
                Arguments.of("Too many \"Received\" headers - suspected mail loop",
                        "exim.too-many-received", Outcome.FAILED, Category.ROUTING_ERROR, Stage.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownTexts")
    void classify_eximsOwnText_beatsTheGenericPhrasesInIt(String line, String ruleId, Outcome outcome,
            Category category, Stage stage) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains(ruleId);
        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.category()).contains(category);
        assertThat(v.stage()).isEqualTo(stage);
        assertThat(v.origin()).isEqualTo(Origin.LOCAL);
    }

    @Test
    void classify_retryTimeoutAfterAMailboxFullReply_failsAndKeepsTheCause() {
        Verdict v = ENGINE.classify("SMTP error from remote mail server after RCPT TO:<jane@example.com>:"
                + " 452 4.2.2 <jane@example.com>: Mailbox full: retry timeout exceeded");

        assertThat(v.rule()).map(RuleRef::id).contains("exim.retry-timeout-after");
        assertThat(v.category()).contains(Category.MAILBOX_FULL);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.stage()).isEqualTo(Stage.RCPT);
    }

    @Test
    void classify_bareRetryTimeout_isExpired() {
        Verdict v = ENGINE.classify("  jane@example.com\n    retry timeout exceeded");

        assertThat(v.category()).contains(Category.MESSAGE_EXPIRED);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void classify_unrouteableAtRcpt_isTheReceivingSidesUnknownRecipient() {
        Verdict v = ENGINE.classify("550 Unrouteable address");

        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.rule()).map(RuleRef::plugin).isNotEqualTo(Optional.of("exim"));
    }
}
