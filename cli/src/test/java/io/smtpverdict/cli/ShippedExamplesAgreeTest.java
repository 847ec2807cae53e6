package io.smtpverdict.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With every shipped plugin loaded at once, each rule's examples still get that rule's category: the test kit
 * checks each plugin on its own, and this is where two plugins' rules for the same text would disagree (a
 * generic copy of a vendor's rule with another category, a vendor template that swallows a receiver's reply).
 */
final class ShippedExamplesAgreeTest {
    @Test
    void classify_everyShippedExampleWithAllPlugins_getsItsOwnRulesCategory() {
        VerdictEngine engine = VerdictEngine.builder().discoverPlugins().build();
        List<String> disagreements = new ArrayList<>();
        int checked = 0;
        for (RuleInfo rule : engine.rules()) {
            if (rule.category().isEmpty()) {
                continue;
            }
            for (String example : rule.examples()) {
                checked++;
                Verdict v = engine.classify(example);
                boolean own = v.rule().map(r -> r.id().equals(rule.id())).orElse(false);
                if (!own && !v.category().equals(rule.category())) {
                    disagreements.add(rule.plugin() + ":" + rule.id() + " wants " + rule.category().get() + ", "
                            + v.rule().map(r -> r.plugin() + ":" + r.id()).orElse("no rule") + " gives "
                            + v.category().map(Enum::name).orElse("none") + " for: " + example);
                }
            }
        }
        assertThat(checked).isGreaterThan(1500);
        assertThat(disagreements).isEmpty();
    }
}
