package io.smtpverdict.vendor.generic;

import io.smtpverdict.testkit.PluginTestKit;
import org.junit.jupiter.api.Test;

/**
 * The generic plugin under the plugin test kit. It runs the kit's checks one by one; the documentation check
 * (every rule has a {@code source} and an example) joins once every generic rule carries both, and then this class
 * becomes a single {@link PluginTestKit#assertAll()}.
 */
final class GenericPluginKitTest {
    private static final PluginTestKit KIT = PluginTestKit.forPlugin(new GenericPlugin());

    @Test
    void plugin_isDiscoverableAndLoadsAlone() {
        KIT.assertDiscoverable().assertLoads();
    }

    @Test
    void tables_matchTheRuleTableSchema() {
        KIT.assertTablesMatchSchema();
    }

    @Test
    void ruleIds_areWellFormed() {
        KIT.assertIdsWellFormed();
    }

    @Test
    void examples_areDecidedByTheirOwnRule() {
        KIT.assertExamplesDecidedByOwnRule();
    }

    @Test
    void rules_areNotShadowed() {
        KIT.assertNoShadowedRules();
    }
}
