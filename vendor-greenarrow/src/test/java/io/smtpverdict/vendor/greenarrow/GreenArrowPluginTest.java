package io.smtpverdict.vendor.greenarrow;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;

import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import io.smtpverdict.vendor.greenarrow.GreenArrowSeed.Entry;
import io.smtpverdict.vendor.greenarrow.GreenArrowSeed.Fill;
import io.smtpverdict.testkit.PluginTestKit;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

final class GreenArrowPluginTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new GreenArrowPlugin()).build();
    private static final Fill FILL = new Fill("192.0.2.25", "mail.example.org",
            "550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown");

    @Test
    void serviceLoader_findsTheGreenArrowPlugin() {
        List<VerdictPlugin> found = ServiceLoader.load(VerdictPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof GreenArrowPlugin)
                .toList();

        assertThat(found).hasSize(1);
        VerdictPlugin plugin = found.get(0);
        assertThat(plugin.id()).isEqualTo("greenarrow");
        assertThat(plugin.contractVersion()).isEqualTo(VerdictContract.VERSION);
    }

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new GreenArrowPlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void ruleIds_areStable() {
        PluginTestKit.forPlugin(new GreenArrowPlugin())
                .assertIdsStable("io/smtpverdict/vendor/greenarrow/greenarrow-rule-ids.txt");
    }

    @Test
    void discoverPlugins_withOnlyCoreOnTheClasspath_loadsGreenArrowAlone() {
        VerdictEngine discovered = VerdictEngine.builder().discoverPlugins().build();

        assertThat(discovered.plugins()).extracting(PluginInfo::id).containsExactly("greenarrow");
        assertThat(discovered.classify("Sorry, I couldn't find any host named mail.example.org. (#5.1.2)").rule())
                .map(RuleRef::id).contains("greenarrow.host-not-found");
    }

    @Test
    void build_withGreenArrowAlone_loadsAllItsRules() {
        PluginInfo info = ENGINE.plugins().stream()
                .filter(p -> p.id().equals("greenarrow"))
                .findFirst()
                .orElseThrow();

        assertThat(info.userTable()).isFalse();
        assertThat(info.ruleCount()).isEqualTo(GreenArrowSeed.ENTRY_COUNT);
        assertThat(greenArrowRules()).hasSize(GreenArrowSeed.ENTRY_COUNT)
                .allSatisfy(rule -> {
                    assertThat(rule.id()).startsWith("greenarrow.");
                    assertThat(rule.level()).isEqualTo(EvidenceLevel.VENDOR_TEMPLATE);
                    assertThat(rule.category()).isPresent();
                    assertThat(rule.explanation()).isNotBlank();
                    assertThat(rule.examples()).isNotEmpty();
                });
    }

    @Test
    void rules_coverExactlyTheSeedEntries() {
        List<String> deciders = GreenArrowSeed.entries().stream()
                .map(entry -> decidingRule(entry).id())
                .toList();

        assertThat(deciders).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(greenArrowRules().stream().map(RuleInfo::id).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedEntries")
    void rule_outcome_followsTheSeed(Entry entry) {
        RuleInfo rule = rulesById().get(decidingRule(entry).id());

        assertThat(rule.outcomeFixed()).as("outcomeFixed").isEqualTo(entry.fixedOutcome().isPresent());
        assertThat(rule.outcome()).as("outcome").isEqualTo(entry.fixedOutcome());
    }

    static Stream<Entry> seedEntries() {
        return GreenArrowSeed.entries().stream();
    }

    private static RuleRef decidingRule(Entry entry) {
        Verdict v = ENGINE.classify(entry.fill(FILL));
        return v.rule().filter(r -> r.plugin().equals("greenarrow"))
                .orElseThrow(() -> new AssertionError("no greenarrow rule decided " + entry + ": " + v));
    }

    private static List<RuleInfo> greenArrowRules() {
        return ENGINE.rules().stream().filter(r -> r.plugin().equals("greenarrow")).toList();
    }

    private static Map<String, RuleInfo> rulesById() {
        return greenArrowRules().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
    }
}
