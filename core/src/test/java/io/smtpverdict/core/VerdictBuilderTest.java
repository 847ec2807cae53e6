package io.smtpverdict.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.spi.Flag;
import io.smtpverdict.spi.Verdict;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The spi's verdict builder hands its collections to the verdict it builds; later changes must not reach it. */
final class VerdictBuilderTest {
    @Test
    void build_thenChangeTheBuilder_leavesTheBuiltVerdictAsItWas() {
        Verdict.Builder b = Verdict.builder().explanation("x").binding("IP", "192.0.2.1").flag(Flag.TRUNCATED);
        Verdict first = b.build();

        b.binding("HOSTNAME", "mx.b.example").flag(Flag.CODE_MISMATCH);
        Verdict second = b.build();
        b.bindings(Map.of()).flags(Set.of());
        Verdict third = b.build();

        assertThat(first.bindings()).containsExactly(Map.entry("IP", "192.0.2.1"));
        assertThat(first.flags()).containsExactly(Flag.TRUNCATED);
        assertThat(second.bindings()).containsOnlyKeys("IP", "HOSTNAME");
        assertThat(second.flags()).containsExactlyInAnyOrder(Flag.TRUNCATED, Flag.CODE_MISMATCH);
        assertThat(third.bindings()).isEmpty();
        assertThat(third.flags()).isEmpty();
    }

    @Test
    void bindingsAndFlags_ofABuiltVerdict_cannotBeChanged() {
        Verdict v = Verdict.builder().explanation("x").binding("IP", "192.0.2.1").flag(Flag.TRUNCATED).build();

        assertThatThrownBy(() -> v.bindings().put("X", "y")).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> v.flags().add(Flag.CODE_MISMATCH)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilder_change_leavesTheOriginalAsItWas() {
        Verdict v = Verdict.builder().explanation("x").binding("IP", "192.0.2.1").build();

        Verdict changed = v.toBuilder().binding("IP", "192.0.2.2").flag(Flag.TRUNCATED).build();

        assertThat(v.bindings()).containsEntry("IP", "192.0.2.1");
        assertThat(v.flags()).isEmpty();
        assertThat(changed.bindings()).containsEntry("IP", "192.0.2.2");
    }
}
