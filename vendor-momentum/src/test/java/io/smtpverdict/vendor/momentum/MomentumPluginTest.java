package io.smtpverdict.vendor.momentum;

import static org.assertj.core.api.Assertions.assertThat;

import io.smtpverdict.core.RuleInfo;
import io.smtpverdict.core.VerdictEngine;
import io.smtpverdict.spi.EvidenceLevel;
import io.smtpverdict.spi.VerdictPlugin;
import io.smtpverdict.testkit.PluginTestKit;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Momentum plugin is found, its table loads and passes the plugin test kit (which decides every example). */
final class MomentumPluginTest {
    private static final VerdictEngine ENGINE = VerdictEngine.builder().plugin(new MomentumPlugin()).build();

    @Test
    void serviceLoader_findsMomentumPlugin() {
        List<String> ids = ServiceLoader.load(VerdictPlugin.class).stream()
                .map(ServiceLoader.Provider::get)
                .map(VerdictPlugin::id)
                .collect(Collectors.toList());

        assertThat(ids).contains("momentum");
    }

    @Test
    void plugin_passesEveryCheckOfTheTestKit() {
        PluginTestKit.forPlugin(new MomentumPlugin()).assertAll().assertPacksCompiled();
    }

    @Test
    void build_discoveredPlugin_loadsItsTable() {
        VerdictEngine discovered = VerdictEngine.builder().discoverPlugins().build();

        assertThat(discovered.plugins()).extracting(p -> p.id()).contains("momentum");
        assertThat(discovered.rules()).filteredOn(r -> r.plugin().equals("momentum"))
                .hasSize(ENGINE.rules().size())
                .hasSizeGreaterThanOrEqualTo(102);
    }

    @Test
    void rules_areVendorTemplatesWithExplanationsAndExamples() {
        assertThat(ENGINE.rules()).allSatisfy(rule -> {
            assertThat(rule.plugin()).isEqualTo("momentum");
            assertThat(rule.id()).startsWith("momentum.");
            assertThat(rule.level()).isEqualTo(EvidenceLevel.VENDOR_TEMPLATE);
            assertThat(rule.category()).isPresent();
            assertThat(rule.examples()).isNotEmpty();
        });
    }

    @Test
    void rules_explanationsAreOneSentence() {
        assertThat(ENGINE.rules()).extracting(RuleInfo::explanation).allSatisfy(text -> {
            assertThat(text).isNotBlank().endsWith(".");
            assertThat(text.substring(0, text.length() - 1)).doesNotContain(". ");
        });
    }
}
