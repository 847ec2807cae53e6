package io.smtpverdict.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class RuleTableLoaderTest {
    @Test
    void nestedRepeats_countsCopiesWithNestingMultiplied() {
        assertThat(RuleTableLoader.nestedRepeats("a{100}b{100}")).isEqualTo(100);
        assertThat(RuleTableLoader.nestedRepeats("((a{10}){20}){3,5}")).isEqualTo(1000);
        assertThat(RuleTableLoader.nestedRepeats("((((a{100}){100}){100}){100})")).isEqualTo(100_000_000);
        assertThat(RuleTableLoader.nestedRepeats("[{(]{9}\\{5}(x)")).isEqualTo(9);
        assertThat(RuleTableLoader.nestedRepeats("user unknown")).isEqualTo(1);
    }
}
