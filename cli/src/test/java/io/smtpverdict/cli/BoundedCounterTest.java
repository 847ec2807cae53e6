package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

final class BoundedCounterTest {
    @Test
    void top_underCapacity_isExactAndOrderedByCount() {
        BoundedCounter c = new BoundedCounter(10);
        c.add("b");
        c.add("a");
        c.add("b");

        assertThat(c.top(5)).containsExactly(Map.entry("b", 2L), Map.entry("a", 1L));
        assertThat(c.approximate()).isFalse();
    }

    @Test
    void add_manyDistinctKeys_staysBoundedAndKeepsTheFrequentOne() {
        BoundedCounter c = new BoundedCounter(100);
        for (int i = 0; i < 100_000; i++) {
            c.add("frequent");
            c.add("rare-" + i);
        }

        assertThat(c.size()).isLessThanOrEqualTo(100);
        assertThat(c.top(1)).containsExactly(Map.entry("frequent", 100_000L));
        assertThat(c.approximate()).isTrue();
    }
}
