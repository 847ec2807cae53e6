package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Applications' logs quote the session up to the step that failed: the server's 220 greeting, its 235 answer to a
 * login or its 220 before STARTTLS come first, then the failure. Those codes say a step went well, not that the
 * server took the message (RFC 5321 §4.2.2: 250, 251 and 252 do), so the failure's words decide the outcome; and
 * where the sending side's own failure report quotes its session, even a 250 (to EHLO) is such a step.
 */
final class SessionStepsTest {
    private static VerdictEngine engine;

    @BeforeAll
    static void load() {
        engine = VerdictEngine.builder().discoverPlugins().build();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "220 smtp.example.com ESMTP ready\nNet::ReadTimeout",
        "220 mx.example.net ESMTP\nEHLO client.example.org\n250 OK\nNet::ReadTimeout",
        "220 2.0.0 Ready to start TLS; then the connection was reset by peer",
        "235 2.7.0 Authentication successful\nConnection timed out while waiting for the reply to DATA",
        "250-smtp.example.com at your service\n250 SIZE 35882577\nNet::ReadTimeout"})
    void classify_successfulStepBeforeAFailure_isNoDelivery(String text) {
        Verdict v = engine.classify(text);

        assertThat(v.outcome()).as(text).isNotEqualTo(Outcome.DELIVERED).isNotEqualTo(Outcome.UNKNOWN);
        assertThat(v.category()).as(text).isPresent();
    }

    @Test
    void classify_greetingBeforeATimeout_isTheTimeoutsDeferral() {
        assertThat(engine.classify("220 smtp.example.com ESMTP ready\nNet::ReadTimeout").outcome())
                .isEqualTo(Outcome.DEFERRED);
    }

    @Test
    void classify_messageAccepted_staysDelivered() {
        assertThat(engine.classify("250 2.0.0 Ok: queued as 4F1A2B3C4D").outcome()).isEqualTo(Outcome.DELIVERED);
        assertThat(engine.classify("220 mx.example.net ESMTP ready").outcome()).isEqualTo(Outcome.DELIVERED);
    }
}
