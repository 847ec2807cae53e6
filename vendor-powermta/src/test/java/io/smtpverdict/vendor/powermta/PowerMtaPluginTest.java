package io.smtpverdict.vendor.powermta;

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

/** PowerMTA's texts, classified by an engine holding this plugin alone. */
final class PowerMtaPluginTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new PowerMtaPlugin()).build();

    @Test
    void serviceLoader_findsThePowerMtaPlugin() {
        List<VerdictPlugin> found = ServiceLoader.load(VerdictPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p instanceof PowerMtaPlugin)
                .toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0).id()).isEqualTo("powermta");
        assertThat(found.get(0).contractVersion()).isEqualTo(VerdictContract.VERSION);
        assertThat(found.get(0).priority()).isEqualTo(100);
    }

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new PowerMtaPlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void ruleIds_areStable() {
        PluginTestKit.forPlugin(new PowerMtaPlugin())
                .assertIdsStable("io/smtpverdict/vendor/powermta/powermta-rule-ids.txt");
    }

    @Test
    void discoverPlugins_withOnlyCoreOnTheClasspath_loadsPowerMtaAloneWithItsWholeTable() {
        VerdictEngine discovered = VerdictEngine.builder().discoverPlugins().build();

        assertThat(discovered.plugins()).extracting(PluginInfo::id).containsExactly("powermta");
        assertThat(discovered.rules()).hasSize(ENGINE.rules().size()).hasSizeGreaterThan(20);
    }

    @Test
    void rules_haveASourceExplanationAndExamples() {
        assertThat(ENGINE.rules()).allSatisfy(rule -> {
            assertThat(rule.id()).startsWith("powermta.");
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
    @MethodSource("io.smtpverdict.vendor.powermta.PowerMtaGolden#lines")
    void classify_lineFromTheSource_getsTheVerdictItsSourceDescribes(String line, Outcome outcome, Category category,
            Stage stage, Origin origin, String ruleId) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::id).contains("powermta." + ruleId);
        assertThat(v.outcome()).as("outcome").isEqualTo(outcome);
        if (category != null) {
            assertThat(v.category()).as("category").contains(category);
        }
        assertThat(v.stage()).as("stage").isEqualTo(stage);
        assertThat(v.origin()).as("origin").isEqualTo(origin);
        assertThat(v.explanation()).isNotBlank();
    }

    static Stream<Arguments> remoteReplies() {
        return PowerMtaGolden.notOurs().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("remoteReplies")
    void classify_textThisMtaDoesNotWrite_isNotDecidedByIt(String line) {
        Verdict v = ENGINE.classify(line);

        assertThat(v.rule()).map(RuleRef::plugin).isNotEqualTo(java.util.Optional.of("powermta"));
    }

    static Stream<Arguments> bounceCategories() {
        return PowerMtaGolden.bounceCategories().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounceCategories")
    void classify_bounceCategoryAlone_exportsAsTheSameCategory(String bounceCat) {
        Verdict v = ENGINE.classify(bounceCat);

        assertThat(v.rule()).map(RuleRef::id).contains("powermta.bounce-category." + bounceCat);
        assertThat(v.compat()).map(c -> c.powermta()).contains(bounceCat);
        assertThat(v.outcome()).isIn(Outcome.FAILED, Outcome.DEFERRED);
    }

    @Test
    void rules_levelsAreVendorTemplates() {
        assertThat(ENGINE.rules()).extracting(RuleInfo::level).containsOnly(EvidenceLevel.VENDOR_TEMPLATE);
    }
}
