package io.smtpverdict.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smtpverdict.spi.VerdictContract;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class PluginTestKitTest {
    private static final String FIXTURES = "io/smtpverdict/testkit/";

    @Test
    void assertAll_goodPlugin_passes() {
        PluginTestKit kit = PluginTestKit.forPlugin(new TestingDiscoverablePlugin()).discoveredThrough(discoveryLoader());

        kit.assertAll();

        assertThat(kit.rules()).extracting(r -> r.id())
                .containsExactly("testing.queue-expired", "testing.mailbox-full", "testing.no-such-user");
    }

    @Test
    void individualChecks_goodPlugin_pass() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json"));

        kit.assertLoads().assertIdsWellFormed().assertRulesDocumented().assertExamplesDecidedByOwnRule()
                .assertNoShadowedRules();
    }

    @Test
    void assertDiscoverable_listedInServicesFile_passes() {
        PluginTestKit.forPlugin(new TestingDiscoverablePlugin()).discoveredThrough(discoveryLoader())
                .assertDiscoverable();
    }

    @Test
    void assertDiscoverable_notListedInServicesFile_failsNamingTheClass() {
        PluginTestKit kit = PluginTestKit.forPlugin(new TestingDiscoverablePlugin());

        assertThatThrownBy(kit::assertDiscoverable).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ServiceLoader does not find " + TestingDiscoverablePlugin.class.getName())
                .hasMessageContaining("META-INF/services/io.smtpverdict.spi.VerdictPlugin");
        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("ServiceLoader does not find");
    }

    @Test
    void assertPacksCompiled_tableWithoutPack_failsNamingTheBuildStep() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json"));

        assertThatThrownBy(kit::assertPacksCompiled).isInstanceOf(AssertionError.class)
                .hasMessageContaining("good-rules.json: no good-rules.json.pack beside it")
                .hasMessageContaining("docs/writing-a-plugin.md#rule-packs");
    }

    @Test
    void assertAll_packMadeFromOtherJson_failsAsStale() {
        // stale-pack-rules.json.pack was written from the table's bytes plus one trailing space
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("stale-pack-rules.json"));

        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("stale-pack-rules.json.pack: stale");
    }

    @Test
    void assertLoads_contractNewerThanEngine_fails() {
        PluginTestKit kit = PluginTestKit.forPlugin(
                new TestingPlugin("testing", "good-rules.json", VerdictContract.VERSION + 1));

        assertThatThrownBy(kit::assertLoads).isInstanceOf(AssertionError.class)
                .hasMessageContaining("contractVersion() is " + (VerdictContract.VERSION + 1));
    }

    @Test
    void assertLoads_missingTable_failsNamingThePlugin() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("no-such-rules.json"));

        assertThatThrownBy(kit::assertLoads).isInstanceOf(AssertionError.class)
                .hasMessageContaining("plugin 'testing'").hasMessageContaining("does not load");
    }

    @Test
    void assertLoads_malformedPluginId_fails() {
        PluginTestKit kit = PluginTestKit.forPlugin(new TestingPlugin("Testing Plugin", "good-rules.json"));

        assertThatThrownBy(kit::assertLoads).isInstanceOf(AssertionError.class)
                .hasMessageContaining("plugin id 'Testing Plugin' must be lower-case letters, digits and '-'");
    }

    @Test
    void assertLoads_reservedPluginId_fails() {
        PluginTestKit kit = PluginTestKit.forPlugin(new TestingPlugin("core", "good-rules.json"));

        assertThatThrownBy(kit::assertLoads).isInstanceOf(AssertionError.class)
                .hasMessageContaining("plugin id 'core' must be");
    }

    @Test
    void assertAll_duplicateRuleId_failsNamingTheId() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("duplicate-id-rules.json"));

        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("testing.mailbox-full");
        assertThatThrownBy(kit::assertIdsWellFormed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("testing.mailbox-full");
    }

    @Test
    void assertAll_ruleIdWithoutPluginPrefix_failsNamingTheRule() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("unprefixed-id-rules.json"));

        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("other.no-such-user");
        assertThatThrownBy(kit::assertIdsWellFormed).isInstanceOf(AssertionError.class)
                .hasMessageContaining("other.no-such-user");
    }

    @Test
    void assertRulesDocumented_missingExplanation_failsNamingTheRule() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("missing-explanation-rules.json"));

        assertThatThrownBy(kit::assertRulesDocumented).isInstanceOf(AssertionError.class)
                .hasMessageContaining("testing.mailbox-full");
        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("testing.mailbox-full");
    }

    @Test
    void assertRulesDocumented_missingExample_failsNamingTheRule() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("missing-example-rules.json"));

        assertThatThrownBy(kit::assertRulesDocumented).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.no-such-user': has no example");
    }

    @Test
    void assertRulesDocumented_ruleWithoutSource_failsNamingOnlyThatRule() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("missing-source-rules.json"));

        assertThatThrownBy(kit::assertRulesDocumented).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.mailbox-full': has no source")
                .message().doesNotContain("testing.queue-expired").doesNotContain("testing.no-such-user");
        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.mailbox-full': has no source");
    }

    @Test
    void assertTablesMatchSchema_goodTable_passes() {
        PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json")).assertTablesMatchSchema();
    }

    @Test
    void assertTablesMatchSchema_blankExample_failsNamingTableAndPath() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("off-schema-rules.json"));

        assertThatThrownBy(kit::assertTablesMatchSchema).isInstanceOf(AssertionError.class)
                .hasMessageContaining("table 'off-schema-rules.json' breaks the rule-table schema")
                .hasMessageContaining("$.rules[1].examples[1]");
        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("breaks the rule-table schema");
    }

    @Test
    void assertTablesMatchSchema_missingTable_failsNamingIt() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("no-such-rules.json"));

        assertThatThrownBy(kit::assertTablesMatchSchema).isInstanceOf(AssertionError.class)
                .hasMessageContaining("table 'no-such-rules.json' is not a resource beside");
    }

    @Test
    void assertExamplesDecidedByOwnRule_exampleWonByAnotherRule_failsNamingBothRules() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("stolen-example-rules.json"));

        assertThatThrownBy(kit::assertExamplesDecidedByOwnRule).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.over-quota': example \"452 4.2.2 Mailbox is full, over quota\""
                        + " is decided by 'testing.mailbox-full' (PHRASE), not by its own rule")
                .message().doesNotContain("\"452 4.2.2 over quota\"");
    }

    @Test
    void assertNoShadowedRules_ruleWinningSomeOfItsExamples_passes() {
        PluginTestKit.forPlugin(TestingPlugin.withTable("stolen-example-rules.json")).assertNoShadowedRules();
    }

    @Test
    void assertNoShadowedRules_ruleThatNeverWins_failsNamingBothRules() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("shadowed-rules.json"));

        assertThatThrownBy(kit::assertNoShadowedRules).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.is-full': is shadowed")
                .hasMessageContaining("'testing.mailbox-full' (PHRASE) wins every one of them");
        assertThatThrownBy(kit::assertAll).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.is-full': is shadowed");
    }

    @Test
    void assertNoShadowedRules_ruleNotMatchingItsExamples_fails() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("unmatched-example-rules.json"));

        assertThatThrownBy(kit::assertNoShadowedRules).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.dead-rule': never wins its own examples, it does not even match");
    }

    @Test
    void assertIdsStable_sameIds_reportsNothingAdded() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json"));

        assertThat(kit.assertIdsStable(fixture("good-rule-ids.txt"))).isEmpty();
        assertThat(kit.assertIdsStable(FIXTURES + "good-rule-ids.txt")).isEmpty();
    }

    @Test
    void assertIdsStable_idAdded_reportsIt() {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json"));

        assertThat(kit.assertIdsStable(fixture("older-rule-ids.txt"))).containsExactly("testing.no-such-user");
        assertThat(kit.assertIdsStable("/" + FIXTURES + "older-rule-ids.txt")).containsExactly("testing.no-such-user");
    }

    @ParameterizedTest
    @CsvSource({"true", "false"})
    void assertIdsStable_idRemoved_failsNamingIt(boolean asResource) {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json"));

        assertThatThrownBy(() -> {
            if (asResource) {
                kit.assertIdsStable(FIXTURES + "retired-rule-ids.txt");
            } else {
                kit.assertIdsStable(fixture("retired-rule-ids.txt"));
            }
        }).isInstanceOf(AssertionError.class)
                .hasMessageContaining("rule 'testing.retired': listed in")
                .hasMessageContaining("never remove or rename a rule id");
    }

    @Test
    void assertIdsStable_noList_failsShowingTheListToWrite(@TempDir Path dir) {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json"));

        assertThatThrownBy(() -> kit.assertIdsStable(dir.resolve("ids.txt"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("does not exist")
                .hasMessageContaining("testing.queue-expired\ntesting.mailbox-full\ntesting.no-such-user\n");
        assertThatThrownBy(() -> kit.assertIdsStable(FIXTURES + "absent-ids.txt")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("is not on the class path");
    }

    @Test
    void idList_goodPlugin_isReadBackAsStable(@TempDir Path dir) throws Exception {
        PluginTestKit kit = PluginTestKit.forPlugin(TestingPlugin.withTable("good-rules.json"));
        Path file = dir.resolve("ids.txt");
        Files.writeString(file, kit.idList());

        assertThat(kit.assertIdsStable(file)).isEmpty();
    }

    private static ClassLoader discoveryLoader() {
        URL root = PluginTestKitTest.class.getClassLoader().getResource(FIXTURES + "discovery/");
        return new URLClassLoader(new URL[] {Objects.requireNonNull(root, "discovery fixture missing")},
                PluginTestKitTest.class.getClassLoader());
    }

    private static Path fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(PluginTestKitTest.class.getClassLoader().getResource(FIXTURES + name),
                    name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
