package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.testing.TestingLowPlugin;
import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Advice;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import org.junit.jupiter.api.Test;

/** The outcome an MTA states itself (a DSN's Action) is final; the text still decides the category. */
final class StatedOutcomeTest {
    private final VerdictEngine engine = VerdictEngine.builder()
            .plugin(new TestingPlugin()).plugin(new TestingLowPlugin()).build();

    @Test
    void classify_deferredStatedOnPermanentText_deferredWithTheTextsCategoryAndMismatch() {
        Verdict plain = engine.classify("550 5.1.1 user unknown");
        Verdict v = engine.classify("550 5.1.1 user unknown", ClassifyOptions.DEFAULT, Outcome.DEFERRED);
        assertThat(plain.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.outcome()).isEqualTo(Outcome.DEFERRED);
        assertThat(v.category()).isEqualTo(plain.category());
        assertThat(v.has(Flag.CODE_MISMATCH)).isTrue();
        assertThat(v.advice()).isNotEqualTo(Advice.SUPPRESS_RECIPIENT);
        assertThat(v.rule()).isEqualTo(plain.rule());
    }

    @Test
    void classify_failedStatedOnTemporaryText_failedAndFlagged() {
        Verdict v = engine.classify("451 4.3.0 try again later", ClassifyOptions.DEFAULT, Outcome.FAILED);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.has(Flag.CODE_MISMATCH)).isTrue();
        assertThat(v.category()).isPresent();
    }

    @Test
    void classify_deliveredStated_noCategoryNoAdvice() {
        Verdict v = engine.classify("550 5.1.1 user unknown", ClassifyOptions.DEFAULT, Outcome.DELIVERED);
        assertThat(v.outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(v.category()).isEmpty();
        assertThat(v.advice()).isEqualTo(Advice.NONE);
    }

    @Test
    void classify_statedOutcomeOnTextWithoutOutcome_takenWithoutMismatch() {
        Verdict v = engine.classify("", ClassifyOptions.DEFAULT, Outcome.FAILED);
        assertThat(v.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(v.category()).contains(Category.UNCLASSIFIED);
        assertThat(v.has(Flag.CODE_MISMATCH)).isFalse();
    }

    @Test
    void classify_unknownOrAgreeingStatedOutcome_sameAsPlain() {
        Verdict plain = engine.classify("550 5.1.1 user unknown");
        assertThat(engine.classify("550 5.1.1 user unknown", ClassifyOptions.DEFAULT, Outcome.UNKNOWN))
                .isEqualTo(plain);
        assertThat(engine.classify("550 5.1.1 user unknown", ClassifyOptions.DEFAULT, null)).isEqualTo(plain);
        assertThat(engine.classify("550 5.1.1 user unknown", ClassifyOptions.DEFAULT, Outcome.FAILED))
                .isEqualTo(plain);
    }
}
