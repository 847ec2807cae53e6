package io.smtpverdict.vendor.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.PluginInfo;
import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.testkit.PluginTestKit;
import io.smtpverdict.spi.Category;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.Origin;
import io.smtpverdict.spi.Outcome;
import io.smtpverdict.spi.RuleRef;
import io.smtpverdict.spi.Stage;
import io.smtpverdict.spi.Verdict;
import io.smtpverdict.spi.VerdictContract;
import io.smtpverdict.spi.VerdictPlugin;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Microsoft Exchange's texts, classified by an engine holding this plugin alone. */
final class ExchangePluginTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new ExchangePlugin()).build();

    @Test
    void serviceLoader_findsTheExchangePlugin() {
        List<VerdictPlugin> found = ServiceLoader.load(VerdictPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof ExchangePlugin)
                .toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).id()).isEqualTo("exchange");
        assertThat(found.get(0).contractVersion()).isEqualTo(VerdictContract.VERSION);
        assertThat(found.get(0).priority()).isEqualTo(100);
    }

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new ExchangePlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void ruleIds_areStable() {
        PluginTestKit.forPlugin(new ExchangePlugin())
                .assertIdsStable("io/smtpverdict/vendor/exchange/exchange-rule-ids.txt");
    }

    @Test
    void discoverPlugins_withOnlyCoreOnTheClasspath_loadsExchangeAloneWithItsWholeTable() {
        VerdictEngine discovered = VerdictEngine.builder().discoverPlugins().build();

        assertThat(discovered.plugins()).extracting(PluginInfo::id).containsExactly("exchange");
        assertThat(discovered.rules()).hasSize(ENGINE.rules().size()).hasSizeGreaterThan(30);
    }

    @Test
    void rules_haveASourceExplanationAndExamples() {
        assertThat(ENGINE.rules()).allSatisfy(rule -> {
            assertThat(rule.id()).startsWith("exchange.");
            assertThat(rule.source()).hasValueSatisfying(source -> assertThat(source).isNotBlank());
            assertThat(rule.explanation()).isNotBlank().endsWith(".");
            assertThat(rule.examples()).isNotEmpty();
        });
    }

    @Test
    void rules_explanationsAreOneSentence() {
        assertThat(ENGINE.rules()).extracting(RuleInfo::explanation).allSatisfy(text ->
                assertThat(text.substring(0, text.length() - 1)).doesNotContain(". "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.smtpverdict.vendor.exchange.ExchangeGolden#lines")
    void classify_lineFromTheSource_getsTheVerdictItsSourceDescribes(String line, Outcome outcome, Category category,
            Stage stage, Origin origin, String ruleId) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains("exchange." + ruleId);
        assertThat(v.outcome()).as("outcome").isEqualTo(outcome);
        if (category != null) {
            assertThat(v.category()).as("category").contains(category);
        }
        assertThat(v.stage()).as("stage").isEqualTo(stage);
        assertThat(v.origin()).as("origin").isEqualTo(origin);
        assertThat(v.explanation()).isNotBlank();
    }

    static Stream<Arguments> remoteReplies() {
        return ExchangeGolden.notOurs().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("remoteReplies")
    void classify_textThisMtaDoesNotWrite_isNotDecidedByIt(String line) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::plugin).isNotEqualTo(java.util.Optional.of("exchange"));
    }

    @Test
    void rules_levelsAreTemplatesOrPhrases_butTheDelayNoticesWordsAreOnlyKeywords() {
        // a delay notice's own words say the message waits, not why: the reason it quotes must outrank them
        java.util.Set<String> delay = java.util.Set.of("exchange.delay-notification", "exchange.message-delayed");
        assertThat(ENGINE.rules()).filteredOn(r -> !delay.contains(r.id())).extracting(RuleInfo::level)
                .allMatch(l -> l == EvidenceLevel.VENDOR_TEMPLATE || l == EvidenceLevel.PROVIDER_PHRASE
                        || l == EvidenceLevel.PHRASE);
        assertThat(ENGINE.rules()).filteredOn(r -> delay.contains(r.id())).extracting(RuleInfo::level)
                .hasSize(2).containsOnly(EvidenceLevel.KEYWORD);
    }
}
