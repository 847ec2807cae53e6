package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.spi.EnhancedStatusCode;
import io.smtpverdict.spi.Grammar;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one grammar of ids and enhanced codes that the engine, the loader, the parser and the kit share. */
final class GrammarTest {
    @ParameterizedTest
    @CsvSource({"acme, true", "acme-mta2, true", "a, true", "Acme, false", "2acme, false", "acme_mta, false",
            "core, false", "user, false", "'', false"})
    void isPluginId_candidate_followsTheGrammar(String id, boolean expected) {
        assertThat(Grammar.isPluginId(id)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"acme.queue-expired, true", "acme.code.5-1-1, true", "acme.0, true", "acme., false",
            "acme.Queue, false", "acme.-x, false", "other.queue, false", "acmequeue, false"})
    void isRuleId_candidateOfPluginAcme_followsTheGrammar(String id, boolean expected) {
        assertThat(Grammar.isRuleId("acme", id)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"5.1.1, true", "X.1.1, true", "5.1.*, true", "X.7.*, true", "4.16.5, true", "5.999.999, true",
            "3.1.1, false", "5.01.1, false", "5.1.1000, false", "5.1, false", "X.*.1, false", "'5.1.1 ', false",
            "x.1.1, false", "'', false"})
    void isEnhancedCodeCondition_candidate_followsTheGrammar(String condition, boolean expected) {
        assertThat(Grammar.isEnhancedCodeCondition(condition)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.1.1", "4.16.5", "2.0.0", "5.999.999"})
    void parse_wellFormedCode_roundTrips(String code) {
        assertThat(EnhancedStatusCode.parse(code)).map(EnhancedStatusCode::toString).hasValue(code);
        assertThat(Grammar.enhancedCodeEnd("see " + code + ".", 4)).isEqualTo(4 + code.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"5.1.1.", "5.01.1", "6.1.1", "5.1.1234", "5.1.", "5..1", "X.1.1", "5.1.*"})
    void parse_malformedCode_isEmpty(String code) {
        assertThat(EnhancedStatusCode.parse(code)).isEmpty();
    }
}
