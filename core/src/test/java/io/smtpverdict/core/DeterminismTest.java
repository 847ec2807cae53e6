package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.testing.TestingLowPlugin;
import io.smtpverdict.core.testing.TestingPlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

final class DeterminismTest {
    private static final List<String> INPUTS = List.of(
            "550 5.1.1 acme-vendor-text bigmail-special user unknown (in reply to RCPT TO command)",
            "user unknown user-unknown", "tie-words and tie words", "550 xyzzy", "451 4.7.1 try again later",
            "Connected to 192.0.2.7 but sender was rejected./Remote host said: 550 5.1.1 user unknown", "", "250 ok");

    @Test
    void classify_reversedPluginOrder_givesIdenticalVerdicts() {
        VerdictEngine forward = VerdictEngine.builder().plugin(new TestingPlugin()).plugin(new TestingLowPlugin()).build();
        VerdictEngine reversed = VerdictEngine.builder().plugin(new TestingLowPlugin()).plugin(new TestingPlugin()).build();
        for (String input : INPUTS) {
            assertThat(reversed.classify(input, ClassifyOptions.EXPLAIN))
                    .as(input).isEqualTo(forward.classify(input, ClassifyOptions.EXPLAIN));
        }
        assertThat(reversed.plugins()).isEqualTo(forward.plugins());
        assertThat(reversed.rules()).isEqualTo(forward.rules());
    }
}
