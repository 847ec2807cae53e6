package io.smtpverdict.vendor.generic;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Japanese carriers' rules (generic-providers-japan.json) stay inside the cases their sources describe. */
final class JapanProviderRepliesTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GenericPlugin()).build();

    @ParameterizedTest
    @ValueSource(strings = {
        "550 Unknown user someone@docomo.ne.jp (in reply to RCPT TO command)",
        "550 <someone@ezweb.ne.jp>: User unknown (in reply to RCPT TO command)",
        "550 <someone@au.com>: User unknown (in reply to RCPT TO command)"
    })
    void classify_carrierUnknownUserAtRcpt_isAnUnknownRecipient(String reply) {
        Verdict v = ENGINE.classify(reply);

        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.SUPPRESS_RECIPIENT);
    }

    @Test
    void classify_unknownUserAfterDataAtAnotherProvider_isNotClaimedByTheCarrierRules() {
        Verdict v = ENGINE.classify("550 <someone@example.jp>: User unknown (in reply to end of DATA command)");

        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.rule().map(RuleRef::id)).isNotEqualTo(Optional.of("generic.provider.au.unknown-user-after-data"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "550 5.1.2 b.example does not exist",
        "553 b.example does not exist (in reply to RCPT TO command)",
        "553 b.example does not exist",
        "SMTP error from remote mail server after end of data: 553 b.example does not exist"
    })
    void classify_domainDoesNotExistWithoutTheMailStage_isTheRecipientsDomain(String reply) {
        Verdict v = ENGINE.classify(reply);

        assertThat(v.category()).contains(Category.BAD_DOMAIN);
    }

    @Test
    void classify_softBanksDomainDoesNotExistAtMailFrom_isTheSendersDomain() {
        Verdict v = ENGINE.classify("553 news.example.jp does not exist (in reply to MAIL FROM command)");

        assertThat(v.category()).contains(Category.INVALID_SENDER);
    }
}
