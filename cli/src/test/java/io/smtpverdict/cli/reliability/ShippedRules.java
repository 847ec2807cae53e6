package io.smtpverdict.cli.reliability;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.VerdictPlugin;
import io.smtpverdict.testkit.TableLiterals;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/** The engine with every shipped plugin, the texts its rules know, and the checks every verdict must pass. */
final class ShippedRules {
    /** Matches with the automaton from the first reply. */
    static final VerdictEngine ENGINE = VerdictEngine.builder().discoverPlugins().keySearches(0).build();
    /** Matches every reply up to the key search's length key by key, never with the automaton. */
    static final VerdictEngine SEARCHING = VerdictEngine.builder().discoverPlugins()
            .keySearches(Integer.MAX_VALUE).build();

    private ShippedRules() {
    }

    /** Every example of every shipped rule: real texts the rules must decide. */
    static List<String> examples() {
        Set<String> out = new LinkedHashSet<>();
        for (RuleInfo r : ENGINE.rules()) {
            out.addAll(r.examples());
        }
        return List.copyOf(out);
    }

    /**
     * Every literal a shipped rule looks for, its phrases and the literal pieces of its templates, but single
     * characters (a template's ":" or "("), which only lengthen the cost test's texts: they are no near miss of
     * anything worth timing, and this test left them out before the test kit read the literals for it.
     */
    static List<String> literals() {
        Set<String> out = new LinkedHashSet<>();
        for (VerdictPlugin p : ServiceLoader.load(VerdictPlugin.class)) {
            for (String literal : TableLiterals.of(p)) {
                if (literal.length() > 1) {
                    out.add(literal);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
