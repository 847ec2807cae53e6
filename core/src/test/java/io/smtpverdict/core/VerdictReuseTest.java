package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.testing.TestingPlugin;
import io.smtpverdict.spi.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The engine gives a rule's last verdict again when every part of it would be the same: replies that differ in a
 * code, a flag, a delay or a stage must each get their own verdict, whatever was classified before.
 */
final class VerdictReuseTest {
    private static final List<String> INPUTS = List.of(
            "550 5.1.1 user unknown", "551 5.1.1 user unknown", "550 5.1.1 user unknown", "550 5.1.10 user unknown",
            "user unknown", "550 user unknown", "450 4.2.2 try again later", "451 4.7.1 try again later",
            "451 4.7.1 try again later in 300 seconds", "451 4.7.1 try again later", "550 4.7.1 try again later",
            "550 xyzzy", "551 xyzzy", "550 xyzzy", "450 xyzzy", "xyzzy", "250 ok", "251 ok", "250 ok",
            "Connected to 192.0.2.7 but sender was rejected./Remote host said: 550 5.1.1 user unknown",
            "550 5.1.1 user unknown");

    @Test
    void classify_afterOtherReplies_equalsWhatAFreshEngineGives() {
        VerdictEngine warm = VerdictEngine.builder().plugin(new TestingPlugin()).build();
        for (String input : INPUTS) {
            warm.classify(input);
        }
        for (String input : INPUTS) {
            Verdict again = warm.classify(input);
            VerdictEngine fresh = VerdictEngine.builder().plugin(new TestingPlugin()).build();

            assertThat(again).as(input).isEqualTo(fresh.classify(input));
        }
    }

    @Test
    void classify_sameReplyTwice_givesEqualVerdicts_andAStageHintStillCounts() {
        VerdictEngine engine = VerdictEngine.builder().plugin(new TestingPlugin()).build();

        Verdict first = engine.classify("550 xyzzy");
        Verdict second = engine.classify("550 xyzzy");
        ClassifyOptions data = ClassifyOptions.DEFAULT.withStage(io.smtpverdict.spi.Stage.DATA);
        Verdict hinted = engine.classify("550 xyzzy", data);

        assertThat(second).isEqualTo(first);
        assertThat(hinted).isEqualTo(VerdictEngine.builder().plugin(new TestingPlugin()).build()
                .classify("550 xyzzy", data));
        assertThat(engine.classify("550 xyzzy")).isEqualTo(first);
        assertThat(first.bindings()).isEqualTo(Map.of());
    }
}
