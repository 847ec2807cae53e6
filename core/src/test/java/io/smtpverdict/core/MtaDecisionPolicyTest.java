package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.core.testing.UserTables;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class MtaDecisionPolicyTest {
    private final VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).build();

    private static EnhancedStatusCode code(String s) {
        return EnhancedStatusCode.parse(s).orElseThrow();
    }

    @Test
    void classify_noContext_sameAsTextAlone() {
        Verdict alone = engine.classify("550 5.1.1 user unknown");
        assertThat(engine.classify("550 5.1.1 user unknown", ClassifyContext.NONE)).isEqualTo(alone);
        assertThat(engine.classify("550 5.1.1 user unknown", (ClassifyContext) null)).isEqualTo(alone);
    }

    @Test
    void classify_deferredButTextPermanent_keepsDeferredAndTextCategoryAndFlagsMismatch() {
        Verdict v = engine.classify("550 5.1.1 user unknown", ClassifyContext.of(MtaDecision.DEFERRED));
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
        assertThat(v.flags()).contains(Flag.CODE_MISMATCH);
    }

    @Test
    void classify_deferredButCodelessTextReadsFailed_keepsDeferredWithoutMismatchFlag() {
        assertThat(engine.classify("user unknown").outcome()).isEqualTo(Outcome.FAILED);
        Verdict v = engine.classify("user unknown", ClassifyContext.of(MtaDecision.DEFERRED));
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.INVALID_RECIPIENT);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
        assertThat(v.flags()).doesNotContain(Flag.CODE_MISMATCH);
    }

    @Test
    void classify_deferredBadDomain_readAsDnsFailureWithRetry() {
        Verdict v = engine.classify("5.1.99 lookup", ClassifyContext.of(MtaDecision.DEFERRED));
        assertThat(engine.classify("5.1.99 lookup").category()).contains(Category.BAD_DOMAIN);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).contains(Category.DNS_FAILURE);
        assertThat(v.advice()).isEqualTo(Advice.RETRY);
    }

    @Test
    void classify_bouncedButText4xx_failedWithMismatch() {
        Verdict v = engine.classify("451 4.3.0 try later", ClassifyContext.of(MtaDecision.FAILED));
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).isPresent();
        assertThat(v.flags()).contains(Flag.CODE_MISMATCH);
    }

    @Test
    void classify_sentButTextFailure_deliveredWithoutCategory() {
        Verdict v = engine.classify("550 xyzzy", ClassifyContext.of(MtaDecision.DELIVERED));
        assertThat(v.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(v.category()).isEmpty();
        assertThat(v.advice()).isEqualTo(Advice.NONE);
        assertThat(v.flags()).contains(Flag.CODE_MISMATCH);
    }

    @Test
    void classify_sentButTheLogged2xxIsReadAsADiscard_keepsTheTextsFailure(@TempDir Path dir) throws Exception {
        VerdictEngine discarding = UserTables.engine(dir, "discard.json", """
                {"schemaVersion": 2, "defaults": {"source": "MtaDecisionPolicyTest"},
                 "rules": [
                  {"id": "user.discarded", "level": "PROVIDER_PHRASE", "match": {"phrases": ["ok, discarded"]},
                   "verdict": {"category": "VIRUS_DETECTED", "outcome": {"fixed": "FAILED"},
                    "explanation": "A filter dropped the message."}}
                 ]}""");
        String text = "250 2.7.0 Ok, discarded, id=07831-02 - INFECTED: Eicar-Test-Signature";
        Verdict v = discarding.classify(text, ClassifyContext.of(MtaDecision.DELIVERED));
        assertThat(v).isEqualTo(discarding.classify(text));
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.VIRUS_DETECTED);
        // a failure the MTA's 2xx does not carry stays overruled
        Verdict other = discarding.classify("550 Ok, discarded", ClassifyContext.of(MtaDecision.DELIVERED));
        assertThat(other.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(other.category()).isEmpty();
    }

    @Test
    void classify_agreeingDecision_noMismatchFlag() {
        Verdict v = engine.classify("550 5.1.1 user unknown", ClassifyContext.of(MtaDecision.FAILED));
        assertThat(v).isEqualTo(engine.classify("550 5.1.1 user unknown"));
    }

    @Test
    void classify_expiredWithoutText_messageExpired() {
        Verdict v = engine.classify("", ClassifyContext.of(MtaDecision.EXPIRED).reportedBy("Postfix status=expired"));
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.MESSAGE_EXPIRED);
        assertThat(v.explanation()).startsWith("Postfix status=expired");
    }

    @Test
    void classify_textWithoutCodeAndLoggedStatus_statusCodeClassifies() {
        Verdict v = engine.classify("xyzzy", ClassifyContext.of(MtaDecision.FAILED).withStatus(code("5.1.1")));
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.MAILBOX_INACTIVE);
        assertThat(v.flags()).doesNotContain(Flag.CODE_MISMATCH);
    }

    @Test
    void classify_onlyStatusLogged_statusClassDecidesOutcome() {
        Verdict v = engine.classify("550 5.1.1 user unknown",
                new ClassifyContext(java.util.Optional.empty(), java.util.Optional.of(code("4.1.1")),
                        java.util.Optional.empty()));
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.advice()).isNotEqualTo(Advice.SUPPRESS_RECIPIENT);
    }
}
