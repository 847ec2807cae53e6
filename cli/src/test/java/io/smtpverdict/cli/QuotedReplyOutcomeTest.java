package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A reply that quotes another server's reply under a code of its own is acted on by its own code, with every shipped
 * plugin: Postfix's reject_unverified_recipient answers 450 (its unverified_recipient_reject_code) around the
 * probe's 550, and the sending MTA keeps the message queued. A wrapper with no code of its own takes the quoted
 * reply's outcome.
 */
final class QuotedReplyOutcomeTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().discoverPlugins().build();

    @Test
    void classify_ownCodeAroundQuotedPermanentReply_isDeferredWithTheQuotedCategory() {
        Verdict v = ENGINE.classify("450 4.1.1 <jane@example.com>: Recipient address rejected: undeliverable address:"
                + " host mx2.example.com[192.0.2.20] said: 550 5.1.1 <jane@example.com>: User unknown in local"
                + " recipient table (in reply to RCPT TO command)");

        assertThat(v.code()).hasValue(450);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
    }

    @Test
    void classify_wrapperWithoutOwnCode_takesTheQuotedReplysOutcome() {
        Verdict v = ENGINE.classify("host mx2.example.com[192.0.2.20] said: 550 5.1.1 <jane@example.com>: User unknown"
                + " in local recipient table (in reply to RCPT TO command)");

        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
    }
}
