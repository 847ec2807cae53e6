package com.example.acme;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.testkit.PluginTestKit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class AcmePluginTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new AcmePlugin()).build();

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new AcmePlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void ruleIds_areStable() {
        PluginTestKit.forPlugin(new AcmePlugin()).assertIdsStable("com/example/acme/acme-rule-ids.txt");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            acme: queue lifetime exceeded for <bob@b.example>                        | acme.queue-expired | MESSAGE_EXPIRED     | FAILED
            acme: throttled by policy warmup-ip-pool-2                                | acme.throttled     | LOCAL_POLICY        | DEFERRED
            acme: no route to mx.b.example (192.0.2.7)                                | acme.no-route      | NO_ANSWER_FROM_HOST | DEFERRED
            acme: recipient <carol@c.example> is on suppression list global-bounces | acme.suppressed    | SUPPRESSED          | FAILED
            """)
    void classify_acmeOwnMessage_isDecidedByAcme(String text, String rule, Category category, Outcome outcome) {
        Verdict verdict = ENGINE.classify(text);

        assertThat(verdict.rule()).map(RuleRef::id).hasValue(rule);
        assertThat(verdict.category()).hasValue(category);
        assertThat(verdict.outcome()).isEqualTo(outcome);
        assertThat(verdict.origin()).isEqualTo(Origin.LOCAL);
    }

    @Test
    void classify_throttled_isNotAttemptedAndBindsThePolicy() {
        Verdict verdict = ENGINE.classify("acme: throttled by policy warmup-ip-pool-2");

        assertThat(verdict.has(Flag.NOT_ATTEMPTED)).isTrue();
        assertThat(verdict.bindings()).containsEntry("WORD", "warmup-ip-pool-2");
    }

    @Test
    void classify_remoteSaid_keepsTheRemoteReplyAsInnerVerdict() {
        Verdict verdict = ENGINE.classify("acme: remote said: 550 5.1.1 <bob@b.example>: Recipient address rejected: User unknown");

        assertThat(verdict.rule()).map(RuleRef::id).hasValue("acme.remote-said");
        assertThat(verdict.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(verdict.bindings())
                .containsEntry("MESSAGE", "550 5.1.1 <bob@b.example>: Recipient address rejected: User unknown");
        assertThat(verdict.inner()).isPresent();
        assertThat(verdict.inner().get().code()).hasValue(550);
    }
}
