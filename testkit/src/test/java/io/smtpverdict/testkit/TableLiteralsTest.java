package io.smtpverdict.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/**
 * {@link TableLiterals} lists what a table's rules look for: its phrase lists, then each rule in order, each literal
 * once.
 */
final class TableLiteralsTest {
    @Test
    void of_tableWithListsGroupsAndTemplate_listsEveryLiteralOnceInOrder() {
        assertThat(TableLiterals.of(TestingPlugin.withTable("literals-rules.json"))).containsExactly(
                "sender", "client", "testing: queue lifetime exceeded for", "after",
                "invalid", "unknown", "550", "user", "mailbox");
    }

    @Test
    void of_tableThatIsNotThere_failsNamingTheTableAndPlugin() {
        assertThatThrownBy(() -> TableLiterals.of(TestingPlugin.withTable("no-such-rules.json")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("no-such-rules.json")
                .hasMessageContaining("testing");
    }
}
