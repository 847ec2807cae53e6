package io.smtpverdict.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class HostileInputsTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().discoverPlugins().build();

    @ParameterizedTest
    @EnumSource(HostileInputs.Kind.class)
    void of_hasItsAdvertisedSize(HostileInputs.Kind kind) {
        int expected = kind == HostileInputs.Kind.OVERSIZED_1M ? HostileInputs.OVERSIZED : HostileInputs.LIMIT;
        assertThat(HostileInputs.of(kind)).hasSize(expected);
    }

    @Test
    void noMatch_isDecidedByNoRule() {
        Verdict v = ENGINE.classify(HostileInputs.of(HostileInputs.Kind.NO_MATCH_64K));
        assertThat(v.rule().filter(r -> r.level() != EvidenceLevel.CLASS)).isEmpty();
        assertThat(v.code()).isEmpty();
        assertThat(v.flags()).doesNotContain(Flag.TRUNCATED);
    }

    @Test
    void oversized_isCutAndFlagged() {
        assertThat(ENGINE.classify(HostileInputs.of(HostileInputs.Kind.OVERSIZED_1M)).flags())
                .contains(Flag.TRUNCATED);
    }

    @Test
    void nearMisses_changeOnlyTheLastCharacter() {
        assertThat(HostileInputs.nearMisses(List.of("user unknown", "5.1.1", "over quota!")))
                .containsExactly("user unknowo", "5.1.2", "over quotaq");
    }

    @Test
    void literals_includeEverySeedMessage() {
        assertThat(HostileInputs.literals()).contains("421 4.4.5 system rule canceled connection.");
    }
}
